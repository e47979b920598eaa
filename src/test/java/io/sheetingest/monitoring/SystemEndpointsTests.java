package io.sheetingest.monitoring;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sheetingest.Api;
import io.sheetingest.security.Roles;

/** The admin endpoints answer with this process's real figures, and only to admins. */
@QuarkusTest
class SystemEndpointsTests {

    @Test
    void reportsResourcesOfThisProcessAndHost() {
        JsonPath usage = Api.as(Roles.ADMIN)
                .get("/api/system/resource-usage")
                .then()
                .statusCode(200)
                .body("container.cgroup", oneOf("v1", "v2", "none"))
                .body("sampledAt", notNullValue())
                .extract()
                .jsonPath();

        assertEquals(ProcessHandle.current().pid(), usage.getLong("process.pid"), "this JVM's pid");
        assertEquals(Runtime.getRuntime().availableProcessors(), usage.getInt("cpu.availableCores"));
        assertEquals(Path.of("target/test-store").toAbsolutePath().toString(), usage.getString("fileStore.path"));
        for (String figure : List.of("cpu.logicalCores", "memory.totalBytes", "memory.availableBytes",
                "jvm.heapUsedBytes", "jvm.heapCommittedBytes", "process.residentBytes", "process.threadsLive",
                "process.openFileDescriptors", "process.maxFileDescriptors", "process.uptimeSeconds",
                "host.processCount", "fileStore.totalBytes", "fileStore.freeBytes")) {
            assertTrue(usage.getLong(figure) > 0, figure + " should be positive, was " + usage.getLong(figure));
        }
        assertTrue(usage.getLong("memory.usedBytes") + usage.getLong("memory.availableBytes")
                == usage.getLong("memory.totalBytes"), "used + available = total");
    }

    @Test
    void reportsBothExecutorsWithTheirTestProfileSizes() {
        Api.as(Roles.ADMIN)
                .get("/api/system/executor-stats")
                .then()
                .statusCode(200)
                .body("executors.name", equalTo(List.of("cpu", "io")))
                .body("executors[0].configuredThreads", equalTo(2))
                .body("executors[0].sizeSource", equalTo("override"))
                .body("executors[0].queueCapacity", equalTo(4))
                .body("executors[1].configuredThreads", equalTo(4))
                .body("executors[1].threadsAlive", equalTo(4))
                .body("executors[1].queueCapacity", equalTo(16))
                .body("quarkusWorkerPool.name", equalTo("vert.x-worker-thread"))
                .body("quarkusWorkerPool.maxSize", greaterThan(0))
                .body("eventLoop.loops", greaterThan(0))
                .body("eventLoop.lagThresholdMillis", equalTo(1000))
                .body("eventLoop.probeThread", startsWith("vert.x-eventloop-thread-"));
    }

    @Test
    void reportsBothDatabasePoolsWithTheirProfileSizes() {
        Api.as(Roles.ADMIN)
                .get("/api/system/db-pool-stats")
                .then()
                .statusCode(200)
                .body("jdbc.minSize", equalTo(10))
                .body("jdbc.maxSize", equalTo(20))
                .body("jdbc.sizeSource", equalTo("default"))
                .body("jdbc.created", greaterThan(0))
                .body("jdbc.acquisitionTimeouts", equalTo(0))
                .body("reactive.maxSize", equalTo(20))
                .body("reactive.sizeSource", equalTo("default"));
    }

    @Test
    void refusesSystemEndpointsToNonAdmins() {
        for (String path : new String[] {"resource-usage", "executor-stats", "db-pool-stats"}) {
            Api.as(Roles.READ, Roles.INGEST)
                    .get("/api/system/" + path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            Api.anonymous()
                    .get("/api/system/" + path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void listsEachExecutorOnce() {
        Api.api()
                .get("/api/system/executor-stats")
                .then()
                .body("executors", hasSize(2));
    }
}
