package io.sheetingest.executor;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sheetingest.ingest.Uploads;

/** A full executor queue is answered with 503 and Retry-After, and the upload is not silently dropped. */
@QuarkusTest
class SaturationTests {

    private static final Duration SECONDS_2 = Duration.ofSeconds(2);

    @Inject
    WorkerPools pools;

    @Test
    void uploadWhileTheIoExecutorIsFullGets503WithRetryAfter() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try {
            fillUntilSaturated(pools.io(), release);
            assertThrows(ExecutorSaturatedException.class, () -> pools.onIo(() -> 1).await().atMost(SECONDS_2),
                    "onIo refuses at once rather than queueing beyond capacity");

            api().multiPart("file", Uploads.CORPUS.resolve("tab__percentage.xlsx").toFile())
                    .multiPart("dataset", Uploads.uniqueDataset("saturated"))
                    .when()
                    .post("/api/ingestions")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sheet-ingest:problem:saturated"))
                    .body("detail", containsString("io executor is saturated"));
        } finally {
            release.countDown();
        }
    }

    /**
     * Submits blocking tasks until every thread is busy and the queue is full. Threads take queued tasks a moment
     * after they are queued, so a first refusal may come early: keep going until the figures show a full pool.
     */
    private static void fillUntilSaturated(WorkerPool pool, CountDownLatch release) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                pool.submit(() -> awaitQuietly(release));
            } catch (ExecutorSaturatedException full) {
                ExecutorFigures figures = pool.figures();
                if (figures.activeTasks() == figures.configuredThreads()
                        && figures.queuedTasks() == figures.queueCapacity()) {
                    return;
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the pool never filled up: " + pool.figures());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
