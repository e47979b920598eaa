package io.sheetingest.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EventLoopLagTests {

    private static final long MS = 1_000_000;
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration THRESHOLD = Duration.ofSeconds(1);

    @Test
    void measuresHowLateATickFired() {
        EventLoopLag lag = new EventLoopLag(INTERVAL, THRESHOLD, 0);

        assertEquals(30 * MS, lag.tick(130 * MS), "expected at 100 ms, fired at 130 ms");
        assertEquals(0, lag.tick(230 * MS), "the next tick is due 100 ms after the previous one fired");
        assertEquals(Duration.ofMillis(30), lag.maxLag());
    }

    @Test
    void countsAnOverdueTickAsLagWhileTheLoopIsBlocked() {
        EventLoopLag lag = new EventLoopLag(INTERVAL, THRESHOLD, 0);
        lag.tick(100 * MS);

        assertEquals(Duration.ofMillis(2800), lag.currentLag(3000 * MS), "due at 200 ms, still not fired at 3 s");
        assertEquals(Duration.ofMillis(2800), lag.stalledFor(3000 * MS));
    }

    @Test
    void keepsCountingStallAcrossTicksThatAreAllLate() {
        EventLoopLag lag = new EventLoopLag(INTERVAL, THRESHOLD, 0);
        lag.tick(1600 * MS);
        lag.tick(3200 * MS);

        assertEquals(Duration.ofMillis(3300), lag.stalledFor(3400 * MS), "late since the first tick was due at 100 ms");
    }

    @Test
    void clearsStallOnceATickIsOnTime() {
        EventLoopLag lag = new EventLoopLag(INTERVAL, THRESHOLD, 0);
        lag.tick(1600 * MS);
        lag.tick(1710 * MS);

        assertEquals(Duration.ZERO, lag.stalledFor(1750 * MS));
        assertEquals(Duration.ofMillis(1500), lag.maxLag(), "the worst lag stays on record");
    }

    @Test
    void ignoresLagBelowTheThreshold() {
        EventLoopLag lag = new EventLoopLag(INTERVAL, THRESHOLD, 0);
        lag.tick(900 * MS);

        assertEquals(Duration.ZERO, lag.stalledFor(950 * MS));
        assertEquals(Duration.ofMillis(800), lag.currentLag(950 * MS));
    }
}
