package io.sheetingest.executor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * A fixed-size thread pool with a bounded queue that refuses work instead of buffering it without end,
 * knows how long its oldest task has been running, and shuts down within a deadline.
 */
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final String name;
    private final WorkerSizing sizing;
    private final int queueCapacity;
    private final Duration retryAfter;
    private final ThreadPoolExecutor executor;
    private final Map<Runnable, Long> running = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();

    public WorkerPool(String name, WorkerSizing sizing, int queueCapacity, Duration retryAfter) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(name + " executor queue capacity must be at least 1, got "
                    + queueCapacity);
        }
        this.name = name;
        this.sizing = sizing;
        this.queueCapacity = queueCapacity;
        this.retryAfter = retryAfter;
        this.executor = new TrackingExecutor(sizing.workers(), new ArrayBlockingQueue<>(queueCapacity), threads(name));
        this.executor.prestartAllCoreThreads();
    }

    /**
     * Queues a task.
     *
     * @throws ExecutorSaturatedException when the queue is full or the pool is shutting down
     */
    public Future<?> submit(Runnable task) {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw new ExecutorSaturatedException(name, queueCapacity, retryAfter);
        }
    }

    /**
     * Stops taking work, lets running and queued tasks finish until the deadline, then interrupts what is left.
     *
     * @return what was cut short; empty when everything finished in time
     */
    public ShutdownReport shutdown(Duration timeout) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ShutdownReport(name, 0, 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int interrupted = executor.getActiveCount();
        List<Runnable> neverStarted = executor.shutdownNow();
        ShutdownReport report = new ShutdownReport(name, interrupted, neverStarted.size());
        LOG.warnf("executor=%s shutdown cut short after %s: interrupted=%d never_started=%d",
                name, timeout, report.interrupted(), report.neverStarted());
        return report;
    }

    /** Waits, without a bound on the caller's side, until all threads have ended. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A consistent-enough snapshot of the pool's figures for REST and health checks. */
    public ExecutorFigures figures() {
        return new ExecutorFigures(
                name,
                sizing.workers(),
                sizing.source(),
                executor.getPoolSize(),
                executor.getActiveCount(),
                executor.getQueue().size(),
                queueCapacity,
                executor.getCompletedTaskCount(),
                rejected.get(),
                longestRunning().toMillis(),
                executor.isShutdown(),
                executor.isTerminated());
    }

    /** How long the oldest running task has been running; zero when idle. */
    public Duration longestRunning() {
        long now = System.nanoTime();
        return running.values().stream()
                .mapToLong(start -> now - start)
                .max()
                .stream()
                .mapToObj(Duration::ofNanos)
                .findFirst()
                .orElse(Duration.ZERO);
    }

    public String name() {
        return name;
    }

    public long rejectedCount() {
        return rejected.get();
    }

    /** The underlying executor, for Micrometer's binder only: submit through {@link #submit(Runnable)}. */
    ThreadPoolExecutor executor() {
        return executor;
    }

    public boolean accepting() {
        return !executor.isShutdown();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sheet-ingest-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Records each task's start so that the longest running one can be reported. */
    private final class TrackingExecutor extends ThreadPoolExecutor {

        TrackingExecutor(int threads, ArrayBlockingQueue<Runnable> queue, ThreadFactory factory) {
            super(threads, threads, 0L, TimeUnit.MILLISECONDS, queue, factory, new AbortPolicy());
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            running.put(task, System.nanoTime());
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            running.remove(task);
        }
    }

    /**
     * What a shutdown left undone.
     *
     * @param pool         executor name
     * @param interrupted  tasks that were still running at the deadline and got interrupted
     * @param neverStarted queued tasks that were dropped
     */
    public record ShutdownReport(String pool, int interrupted, int neverStarted) {

        public boolean clean() {
            return interrupted == 0 && neverStarted == 0;
        }
    }
}
