package io.sheetingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.sheetingest.ingest.Workbooks;
import io.sheetingest.security.TestTokens;

/**
 * Stops the packaged application (SIGTERM, as Kubernetes does) while a job runs, with a shutdown timeout shorter
 * than the job: the job must be put back in the queue, never left {@code running}, and a fresh start must finish
 * it exactly once.
 */
class GracefulShutdownIT {

    private static final Path RUNNER = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int ROWS = 300_000;
    /** A database of its own: the packaged app of the {@code @QuarkusIntegrationTest}s may run meanwhile. */
    private static final String DB = System.getenv().getOrDefault("DB_NAME", "sheet_ingest") + "_it";
    private static final String TOKEN = TestTokens.withRoles("ingest", "read");

    @Test
    void jobRunningAtShutdownIsReleasedAndFinishedOnceAfterRestart() throws Exception {
        Path file = Workbooks.orders(Files.createTempFile("shutdown", ".xlsx"), ROWS);
        String dataset = "shutdown_" + Long.toHexString(System.nanoTime());

        int port = freePort();
        Process first = start(port);
        String job;
        try {
            awaitReady(port);
            job = given().port(port).auth().oauth2(TOKEN)
                    .multiPart("file", file.toFile())
                    .multiPart("dataset", dataset)
                    .post("/api/ingestions")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            awaitRunning(port, job);
        } finally {
            first.destroy();
        }
        assertTrue(first.waitFor(90, TimeUnit.SECONDS), "the application stops by itself after SIGTERM");

        assertEquals("queued", status(job), "the interrupted job is back in the queue, not left running");
        assertEquals(0, rows(dataset), "nothing of the interrupted attempt is visible");

        Process second = start(port);
        try {
            awaitReady(port);
            JsonPath done = awaitFinished(port, job);
            assertEquals("succeeded", done.getString("status"));
            assertEquals(2, done.getInt("attempts"), "finished by the second attempt");
            assertEquals(ROWS, rows(dataset), "every row exactly once");
        } finally {
            second.destroy();
            second.waitFor(90, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
        }
    }

    private static Process start(int port) throws IOException {
        assertTrue(Files.exists(RUNNER), "package the application first: " + RUNNER);
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", RUNNER.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/graceful-shutdown-it.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("DB_NAME", DB);
        env.put("DB_POOL_SIZE", "2");
        env.put("DB_MAX_OVERFLOW", "4");
        env.put("STORE_DIR", "target/shutdown-it-store");
        env.put("STORE_MIN_FREE", "1M");
        env.put("EXECUTOR_SHUTDOWN_TIMEOUT", "1s");
        env.put("SHUTDOWN_DELAY", "1s");
        env.put("SHEET_INGEST_JOBS_POLL_INTERVAL", "500ms");
        env.put("OIDC_PUBLIC_KEY", TestSettings.testProfileValue("sheet-ingest.security.public-key"));
        env.put("OIDC_ISSUER", TestSettings.testProfileValue("sheet-ingest.security.issuer"));
        env.put("OIDC_AUDIENCE", TestSettings.testProfileValue("sheet-ingest.security.audience"));
        return builder.start();
    }

    private static void awaitReady(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().port(port).auth().oauth2(TOKEN).get("/api/datasets").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // connection refused until the application listens
            }
            sleep(250);
        }
        throw new AssertionError("the application did not start within 90 s; see target/graceful-shutdown-it.log");
    }

    private static void awaitRunning(int port, String job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath state = given().port(port).auth().oauth2(TOKEN).get("/api/ingestions/" + job)
                    .then().statusCode(200).extract().jsonPath();
            if ("running".equals(state.getString("status")) && state.getLong("rowsRead") > 0) {
                return;
            }
            assertTrue(!"succeeded".equals(state.getString("status")), "the job finished before the shutdown");
            sleep(50);
        }
        throw new AssertionError("job " + job + " never started");
    }

    private static JsonPath awaitFinished(int port, String job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath state = given().port(port).auth().oauth2(TOKEN).get("/api/ingestions/" + job)
                    .then().statusCode(200).extract().jsonPath();
            String status = state.getString("status");
            if ("succeeded".equals(status) || "failed".equals(status)) {
                return state;
            }
            sleep(200);
        }
        throw new AssertionError("job " + job + " did not finish after the restart");
    }

    private static String status(String job) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT status FROM ingest.jobs WHERE id = ?::uuid")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long rows(String dataset) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT CASE WHEN to_regclass(?) IS NULL THEN 0 ELSE -1 END")) {
            s.setString(1, "datasets." + dataset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM datasets." + dataset)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws Exception {
        String host = System.getenv().getOrDefault("DB_HOST", "localhost") + ":"
                + System.getenv().getOrDefault("DB_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + "/" + DB,
                System.getenv().getOrDefault("DB_USER", "sheet_ingest"),
                System.getenv().getOrDefault("DB_PASSWORD", "sheet_ingest"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
