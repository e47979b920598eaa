package io.sheetingest.alerting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sheetingest.Api;
import io.sheetingest.security.Roles;
import io.vertx.core.json.JsonObject;

/**
 * The running monitor with disk thresholds this machine is sure to breach (1 % and 2 % used): the alerts endpoint,
 * the alert metrics and the webhook, which POSTs to a receiver this test runs on 127.0.0.1.
 */
@QuarkusTest
@TestProfile(AlertsEndpointTests.BreachedDiskAndWebhook.class)
class AlertsEndpointTests {

    private static final int RECEIVER_PORT = freePort();
    private static final List<JsonObject> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), RECEIVER_PORT), 0);
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void listsTheDiskRuleFiringAtBothLevelsWithItsTransitions() throws InterruptedException {
        await(() -> diskState().equals("firing"), "disk rule firing");

        JsonPath alerts = Api.as(Roles.ADMIN)
                .get("/api/system/alerts")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("interval", equalTo("PT0.2S"))
                .body("rules", hasSize(13))
                .extract()
                .jsonPath();

        Map<String, Object> disk = alerts.getMap("rules.find { it.name == 'disk' }");
        assertEquals("SheetIngestDiskFilling", disk.get("alertname"));
        assertEquals("percent", disk.get("unit"));
        double used = alerts.getDouble("rules.find { it.name == 'disk' }.value");
        assertTrue(used > 2 && used <= 100, "file-store volume used percent, was " + used);
        assertEquals(List.of("firing", "firing"), alerts.getList("rules.find { it.name == 'disk' }.levels.state"));
        assertEquals(List.of(1.0, 2.0),
                alerts.getList("rules.find { it.name == 'disk' }.levels.threshold", Double.class));
        assertEquals(List.of(0.5, 1.5),
                alerts.getList("rules.find { it.name == 'disk' }.levels.resolveBelow", Double.class));
        assertEquals(List.of("critical", "warning"),
                alerts.getList("transitions.findAll { it.rule == 'disk' }.severity"), "newest first");
        assertEquals(List.of("firing", "firing"), alerts.getList("transitions.findAll { it.rule == 'disk' }.to"));
        assertTrue(alerts.getDouble("sampleCpuMicros") > 0, "the monitor measures its own CPU time");
        assertTrue(alerts.getDouble("sampleCpuMicros") < 5_000, "a sample costs far less than 5 ms of CPU, was "
                + alerts.getDouble("sampleCpuMicros") + " µs");
    }

    @Test
    void refusesTheAlertsToNonAdmins() {
        Api.as(Roles.READ, Roles.INGEST).get("/api/system/alerts").then().statusCode(403);
        Api.anonymous().get("/api/system/alerts").then().statusCode(401);
    }

    @Test
    void exportsStateTransitionsAndOverheadAsMetrics() throws InterruptedException {
        await(() -> diskState().equals("firing"), "disk rule firing");

        String scrape = given().get(metrics).then().statusCode(200).extract().asString();

        assertEquals(2.0, sample(scrape, "sheet_ingest_alert_state{rule=\"disk\",severity=\"warning\"}"));
        assertEquals(2.0, sample(scrape, "sheet_ingest_alert_state{rule=\"disk\",severity=\"critical\"}"));
        assertEquals(1.0, sample(scrape, "sheet_ingest_alert_threshold{rule=\"disk\",severity=\"warning\"}"));
        assertEquals(0.0, sample(scrape, "sheet_ingest_alert_state{rule=\"db-timeouts\",severity=\"critical\"}"));
        assertEquals(1.0, sample(scrape,
                "sheet_ingest_alert_transitions_total{rule=\"disk\",severity=\"warning\",state=\"firing\"}"));
        assertTrue(sample(scrape, "sheet_ingest_alert_value{rule=\"disk\"}") > 2);
        assertTrue(sample(scrape, "sheet_ingest_alert_evaluation_cpu_seconds_count") > 0);
    }

    @Test
    void postsEachFiringLevelToTheWebhook() throws InterruptedException {
        await(() -> RECEIVED.stream().filter(AlertsEndpointTests::disk).count() >= 2, "two disk notifications");

        List<String> severities = RECEIVED.stream()
                .filter(AlertsEndpointTests::disk)
                .map(body -> body.getJsonArray("alerts").getJsonObject(0).getJsonObject("labels")
                        .getString("severity"))
                .toList();
        assertEquals(List.of("warning", "critical"), severities);
        JsonObject first = RECEIVED.stream().filter(AlertsEndpointTests::disk).findFirst().orElseThrow();
        assertEquals("firing", first.getString("status"));
        assertEquals("4", first.getString("version"));
    }

    private static boolean disk(JsonObject body) {
        return "disk".equals(body.getJsonObject("commonLabels").getString("rule"));
    }

    private static String diskState() {
        return Api.as(Roles.ADMIN).get("/api/system/alerts").then().extract()
                .path("rules.find { it.name == 'disk' }.state");
    }

    private static double sample(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + series));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** The monitor on, disk thresholds of 1 % and 2 % firing at once, sampled every 200 ms, the test's receiver. */
    public static class BreachedDiskAndWebhook implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("sheet-ingest.alerting.enabled", "true"),
                    Map.entry("sheet-ingest.alerting.interval", "200ms"),
                    Map.entry("sheet-ingest.alerting.disk.warning", "1"),
                    Map.entry("sheet-ingest.alerting.disk.critical", "2"),
                    Map.entry("sheet-ingest.alerting.disk.recovery-margin", "0.5"),
                    Map.entry("sheet-ingest.alerting.disk.for-samples", "1"),
                    Map.entry("sheet-ingest.alerting.webhook.url", "http://127.0.0.1:" + RECEIVER_PORT + "/hook"),
                    Map.entry("sheet-ingest.alerting.webhook.backoff", "100ms"),
                    Map.entry("sheet-ingest.alerting.webhook.max-backoff", "500ms"),
                    Map.entry("sheet-ingest.alerting.webhook.max-attempts", "50"));
        }
    }
}
