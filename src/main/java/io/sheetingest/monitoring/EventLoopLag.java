package io.sheetingest.monitoring;

import java.time.Duration;

/**
 * What the lag probe has seen: how late each tick fired and since when the loop has been late beyond the
 * threshold. A loop that is blocked does not tick at all, so an overdue tick counts as lag too.
 *
 * <p>Ticks come from one event-loop thread, readers from any thread; the fields are volatile and each is written
 * by the loop only.
 */
public class EventLoopLag {

    private static final long NOT_LATE = Long.MIN_VALUE;

    private final long intervalNanos;
    private final long thresholdNanos;
    private volatile long expectedNanos;
    private volatile long lastLagNanos;
    private volatile long maxLagNanos;
    private volatile long lateSinceNanos = NOT_LATE;

    /**
     * @param interval   how often the timer should fire
     * @param threshold  lag above which the loop counts as stalled
     * @param startNanos {@link System#nanoTime()} when the timer was set
     */
    public EventLoopLag(Duration interval, Duration threshold, long startNanos) {
        this.intervalNanos = interval.toNanos();
        this.thresholdNanos = threshold.toNanos();
        this.expectedNanos = startNanos + intervalNanos;
    }

    /**
     * Records a tick.
     *
     * @return how late it fired, in nanoseconds
     */
    public long tick(long nowNanos) {
        long lag = Math.max(0, nowNanos - expectedNanos);
        lastLagNanos = lag;
        if (lag > maxLagNanos) {
            maxLagNanos = lag;
        }
        if (lag <= thresholdNanos) {
            lateSinceNanos = NOT_LATE;
        } else if (lateSinceNanos == NOT_LATE) {
            lateSinceNanos = expectedNanos;
        }
        expectedNanos = nowNanos + intervalNanos;
        return lag;
    }

    /** Lag of the latest tick, or how overdue the next one is when that is more. */
    public Duration currentLag(long nowNanos) {
        return Duration.ofNanos(Math.max(lastLagNanos, overdue(nowNanos)));
    }

    /** Largest lag seen since start. */
    public Duration maxLag() {
        return Duration.ofNanos(maxLagNanos);
    }

    /** How long the loop has been late beyond the threshold without a break; zero when it is keeping up. */
    public Duration stalledFor(long nowNanos) {
        long overdue = overdue(nowNanos);
        long byOverdue = overdue > thresholdNanos ? overdue : 0;
        long lateSince = lateSinceNanos;
        long byTicks = lateSince == NOT_LATE ? 0 : nowNanos - lateSince;
        return Duration.ofNanos(Math.max(byOverdue, byTicks));
    }

    private long overdue(long nowNanos) {
        return Math.max(0, nowNanos - expectedNanos);
    }
}
