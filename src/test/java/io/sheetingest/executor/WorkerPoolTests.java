package io.sheetingest.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTests {

    private WorkerPool pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdown(Duration.ofMillis(100));
        }
    }

    @Test
    void refusesWorkWithSaturatedWhenTheQueueIsFull() throws InterruptedException {
        pool = new WorkerPool("cpu", new WorkerSizing(1, "override"), 1, Duration.ofSeconds(7));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(() -> {
            started.countDown();
            await(release);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS), "first task should start");
        pool.submit(() -> { });

        ExecutorSaturatedException e = assertThrows(ExecutorSaturatedException.class, () -> pool.submit(() -> { }));

        assertEquals("cpu", e.pool());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        ExecutorFigures figures = pool.figures();
        assertEquals(1, figures.rejectedTasks(), "rejections are counted");
        assertEquals(1, figures.activeTasks());
        assertEquals(1, figures.queuedTasks());
        assertEquals(1, figures.queueCapacity());
        release.countDown();
    }

    @Test
    void reportsHowLongTheOldestTaskHasBeenRunning() throws InterruptedException {
        pool = new WorkerPool("io", new WorkerSizing(2, "default"), 4, Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> await(release));
        Thread.sleep(300);

        ExecutorFigures figures = pool.figures();

        assertTrue(figures.longestRunningMillis() >= 250, "longest running was " + figures.longestRunningMillis());
        assertEquals(2, figures.configuredThreads());
        assertEquals("default", figures.sizeSource());
        release.countDown();
    }

    @Test
    void runningTaskFinishesInsideTheShutdownTimeout() {
        pool = new WorkerPool("cpu", new WorkerSizing(1, "override"), 4, Duration.ofSeconds(1));
        AtomicBoolean finished = new AtomicBoolean();
        pool.submit(() -> {
            sleep(300);
            finished.set(true);
        });
        sleep(50);

        WorkerPool.ShutdownReport report = pool.shutdown(Duration.ofSeconds(5));

        assertTrue(report.clean(), "nothing should be cut short: " + report);
        assertTrue(finished.get(), "the task ran to its end");
        assertTrue(pool.figures().terminated());
    }

    @Test
    void taskThatOutlivesTheTimeoutIsInterruptedAndReported() throws InterruptedException {
        pool = new WorkerPool("cpu", new WorkerSizing(1, "override"), 4, Duration.ofSeconds(1));
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        pool.submit(() -> { });
        assertTrue(started.await(5, TimeUnit.SECONDS));

        WorkerPool.ShutdownReport report = pool.shutdown(Duration.ofMillis(200));

        assertEquals(new WorkerPool.ShutdownReport("cpu", 1, 1), report);
        assertTrue(pool.awaitTermination(Duration.ofSeconds(5)), "threads end after the interrupt");
        assertTrue(interrupted.get(), "the long task saw the interrupt");
    }

    @Test
    void refusesWorkAfterShutdown() {
        pool = new WorkerPool("io", new WorkerSizing(1, "override"), 4, Duration.ofSeconds(1));
        pool.shutdown(Duration.ofSeconds(1));

        assertFalse(pool.accepting());
        assertThrows(ExecutorSaturatedException.class, () -> pool.submit(() -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
