package io.sheetingest.executor;

import java.time.Duration;

/** An executor's queue is full: the caller should try again later instead of waiting in memory. */
public class ExecutorSaturatedException extends RuntimeException {

    private final String pool;
    private final Duration retryAfter;

    public ExecutorSaturatedException(String pool, int queueCapacity, Duration retryAfter) {
        super("The " + pool + " executor is saturated (" + queueCapacity + " tasks queued); retry later");
        this.pool = pool;
        this.retryAfter = retryAfter;
    }

    public String pool() {
        return pool;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
