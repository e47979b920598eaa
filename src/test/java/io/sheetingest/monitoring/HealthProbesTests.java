package io.sheetingest.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sheetingest.Api;

/**
 * Health lives on the management port, unauthenticated, and each check tells what it measured. Management URLs
 * already end in the management root path {@code /q}.
 */
@QuarkusTest
class HealthProbesTests {

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/started", management = true)
    URL started;

    @Test
    void reportsLiveWithEventLoopLagAndExecutorFigures() {
        given().get(live)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("event-loop", "executors-alive"))
                .body("checks.find { it.name == 'event-loop' }.data.threshold_ms", equalTo(1000))
                .body("checks.find { it.name == 'event-loop' }.data.stalled_ms", equalTo(0))
                .body("checks.find { it.name == 'executors-alive' }.data.io_threads_alive", equalTo(4))
                .body("checks.find { it.name == 'executors-alive' }.data.deadlocked_threads", equalTo(""));
    }

    @Test
    void reportsReadyWithDatabasesExecutorsAndFreeSpace() {
        given().get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("executors-accepting", "file-store", "not-shutting-down",
                        "Database connections health check", "Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'file-store' }.data.free_bytes", greaterThan(1_048_576L))
                .body("checks.find { it.name == 'file-store' }.data.min_free_bytes", equalTo(1_048_576))
                .body("checks.find { it.name == 'executors-accepting' }.data.cpu_queue_capacity", equalTo(4));
    }

    @Test
    void reportsStartedOnceMigrationsAreApplied() {
        given().get(started)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.data.pending", equalTo(0))
                .body("checks.find { it.name == 'migrations' }.data.schema_version", equalTo(latestMigration()));
    }

    @Test
    void keepsHealthOffTheApiPort() {
        Api.api()
                .get("/q/health/live")
                .then()
                .statusCode(404);
    }

    /** The highest version among the shipped migrations, V1__..., V2__... */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare)
                    .map(String::valueOf)
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
