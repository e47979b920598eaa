package io.sheetingest.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The webhook against a real HTTP receiver on 127.0.0.1: the Alertmanager body, a receiver that is down, slow or
 * failing, and the bounded outbox.
 */
class AlertWebhookTests {

    private static final Instant FIRED = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-04T10:30:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(AlertWebhook.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Vertx vertx;
    private HttpServer receiver;
    private AlertWebhook webhook;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        log.addHandler(capture);
    }

    @AfterEach
    void stopVertx() throws Exception {
        log.removeHandler(capture);
        if (webhook != null) {
            webhook.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTheAlertmanagerPayloadOnFiringAndOnResolve() throws Exception {
        int port = listen(0, request -> request.body().onSuccess(body -> {
            received.add(body.toJsonObject());
            request.response().setStatusCode(200).end();
        }));
        webhook = webhook(port, 3, 10);

        webhook.send(transition(AlertState.FIRING));
        webhook.send(transition(AlertState.OK));
        await(() -> count("sheet_ingest.alert.webhook.posts", "outcome", "delivered") == 2, "two deliveries");

        JsonObject firing = received.get(0);
        assertEquals("4", firing.getString("version"));
        assertEquals("firing", firing.getString("status"));
        assertEquals("sheet-ingest", firing.getString("receiver"));
        assertEquals("{}:{alertname=\"SheetIngestDiskFilling\"}", firing.getString("groupKey"));
        JsonObject alert = firing.getJsonArray("alerts").getJsonObject(0);
        assertEquals(new JsonObject().put("alertname", "SheetIngestDiskFilling").put("instance", "replica-1")
                .put("rule", "disk").put("service", "sheet-ingest").put("severity", "warning"),
                alert.getJsonObject("labels"));
        assertEquals("disk warning: firing at 91.5 percent (threshold 80)",
                alert.getJsonObject("annotations").getString("summary"));
        assertEquals("Look at: the file-store volume", alert.getJsonObject("annotations").getString("description"));
        assertEquals("2026-12-04T10:00:00Z", alert.getString("startsAt"));
        assertEquals("0001-01-01T00:00:00Z", alert.getString("endsAt"));
        assertTrue(alert.getString("fingerprint").matches("[0-9a-f]{16}"), alert.getString("fingerprint"));

        JsonObject resolved = received.get(1).getJsonArray("alerts").getJsonObject(0);
        assertEquals("resolved", received.get(1).getString("status"));
        assertEquals("2026-12-04T10:00:00Z", resolved.getString("startsAt"));
        assertEquals("2026-12-04T10:30:00Z", resolved.getString("endsAt"));
        assertEquals(alert.getString("fingerprint"), resolved.getString("fingerprint"), "same alert, same print");
    }

    @Test
    void retriesAReceiverThatIsDownAndLogsTheOutageOnce() throws Exception {
        int port = freePort();
        webhook = webhook(port, 50, 10);

        webhook.send(transition(AlertState.FIRING));
        await(() -> count("sheet_ingest.alert.webhook.posts", "outcome", "failed") >= 3, "three failed posts");
        listen(port, request -> request.body().onSuccess(body -> {
            received.add(body.toJsonObject());
            request.response().setStatusCode(202).end();
        }));
        await(() -> received.size() == 1, "delivered once the receiver is up");
        await(() -> messages().stream().anyMatch(message -> message.startsWith("alert webhook delivers again")),
                "the end of the outage logged");

        assertEquals(1, warnings(), "one warning for the whole outage: " + messages());
        assertEquals(0, webhook.pending());
        assertEquals(0, count("sheet_ingest.alert.webhook.dropped", "reason", "attempts"));
    }

    @Test
    void timesOutASlowReceiverAndRetries() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        int port = listen(0, request -> request.body().onSuccess(body -> {
            if (requests.incrementAndGet() > 1) {
                received.add(body.toJsonObject());
                request.response().setStatusCode(200).end();
            }
        }));
        webhook = webhook(port, 5, 10, Duration.ofMillis(300));

        webhook.send(transition(AlertState.FIRING));
        await(() -> received.size() == 1, "delivered on the second try");

        assertEquals(2, requests.get(), "the first request hung and timed out");
        assertEquals(1, count("sheet_ingest.alert.webhook.posts", "outcome", "failed"));
    }

    @Test
    void dropsANotificationAfterItsLastAttempt() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        int port = listen(0, request -> {
            requests.incrementAndGet();
            request.response().setStatusCode(500).end();
        });
        webhook = webhook(port, 3, 10);

        webhook.send(transition(AlertState.FIRING));
        await(() -> count("sheet_ingest.alert.webhook.dropped", "reason", "attempts") == 1, "dropped");

        assertEquals(3, requests.get());
        assertEquals(0, webhook.pending());
    }

    @Test
    void keepsAtMostTheOutboxSizeWhileTheReceiverIsDown() throws Exception {
        webhook = new AlertWebhook(vertx, new WebhookSettings(URI.create("http://127.0.0.1:" + freePort() + "/"),
                Duration.ofMillis(200), 100, Duration.ofSeconds(30), Duration.ofSeconds(30), 3), "replica-1",
                registry);

        for (int i = 0; i < 10; i++) {
            webhook.send(transition(AlertState.FIRING));
        }

        assertEquals(3, webhook.pending());
        assertEquals(7, count("sheet_ingest.alert.webhook.dropped", "reason", "outbox_full"));
        assertEquals(3, registry.get("sheet_ingest.alert.webhook.outbox").gauge().value());
    }

    /** A webhook whose POSTs may take 5 s: enough that only a receiver that never answers times out. */
    private AlertWebhook webhook(int port, int maxAttempts, int outbox) {
        return webhook(port, maxAttempts, outbox, Duration.ofSeconds(5));
    }

    private AlertWebhook webhook(int port, int maxAttempts, int outbox, Duration timeout) {
        WebhookSettings settings = new WebhookSettings(URI.create("http://127.0.0.1:" + port + "/hook"),
                timeout, maxAttempts, Duration.ofMillis(20), Duration.ofMillis(100), outbox);
        return new AlertWebhook(vertx, settings, "replica-1", registry);
    }

    private int listen(int port, io.vertx.core.Handler<HttpServerRequest> handler) throws Exception {
        receiver = vertx.createHttpServer().requestHandler(handler);
        return receiver.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private long warnings() {
        return logged.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).count();
    }

    private List<String> messages() {
        return logged.stream().map(LogRecord::getMessage).toList();
    }

    private static AlertTransition transition(AlertState to) {
        Instant at = to == AlertState.FIRING ? FIRED : RESOLVED;
        return new AlertTransition("disk", "SheetIngestDiskFilling", AlertSeverity.WARNING, to, 91.5, 80, "percent",
                at, FIRED, "the file-store volume");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }
}
