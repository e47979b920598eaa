package io.sheetingest.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** One level's state machine: fires after {@code for} breaches in a row, resolves only past the margin. */
class AlertLevelTests {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private final AlertLevel level = new AlertLevel(AlertSeverity.WARNING, 85, 10, 4);

    @Test
    void firesOnTheFourthConsecutiveBreach() {
        List<Optional<AlertState>> seen = feed(90, 91, 92);

        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), seen);
        assertEquals(AlertState.PENDING, level.state());
        assertEquals(3, level.breaches());
        assertEquals(START, level.since(), "pending since the first breach");

        assertEquals(Optional.of(AlertState.FIRING), level.observe(93, at(3)));
        assertEquals(at(3), level.since(), "firing since the fourth sample");
    }

    @Test
    void aDipBelowTheThresholdStartsTheCountAgain() {
        feed(90, 90, 90, 84, 90, 90, 90);

        assertEquals(AlertState.PENDING, level.state(), "three breaches since the dip are not four");
        assertEquals(3, level.breaches());
    }

    @Test
    void staysFiringWhileWithinTheRecoveryMargin() {
        feed(90, 90, 90, 90);

        List<Optional<AlertState>> seen = feed(84, 80, 75.5, 88);

        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), seen);
        assertEquals(AlertState.FIRING, level.state());
    }

    @Test
    void resolvesOnTheFirstSampleBelowThresholdMinusMargin() {
        feed(90, 90, 90, 90);

        assertEquals(Optional.of(AlertState.OK), level.observe(74.9, at(10)));
        assertEquals(AlertState.OK, level.state());
        assertEquals(75, level.resolveBelow());
    }

    @Test
    void aThirtyMinuteBreachGivesOneFiringAndOneResolved() {
        List<AlertState> transitions = new ArrayList<>();
        for (int sample = 0; sample < 120; sample++) {
            double value = sample % 2 == 0 ? 86 : 99;
            level.observe(value, START.plus(Duration.ofSeconds(15L * sample))).ifPresent(transitions::add);
        }
        level.observe(50, START.plus(Duration.ofMinutes(30))).ifPresent(transitions::add);

        assertEquals(List.of(AlertState.FIRING, AlertState.OK), transitions);
    }

    @Test
    void aValueHoveringAroundTheThresholdFiresOnce() {
        List<AlertState> transitions = new ArrayList<>();
        double[] hovering = {86, 86, 86, 86, 84, 86, 83, 86, 80, 86, 84};
        for (int i = 0; i < hovering.length; i++) {
            level.observe(hovering[i], at(i)).ifPresent(transitions::add);
        }

        assertEquals(List.of(AlertState.FIRING), transitions, "dips inside the 10-point margin do not resolve");
    }

    @Test
    void firesAtOnceWithForOfOne() {
        AlertLevel eager = new AlertLevel(AlertSeverity.CRITICAL, 1, 0, 1);

        assertEquals(Optional.of(AlertState.FIRING), eager.observe(1, START), "at the threshold counts as a breach");
        assertEquals(Optional.of(AlertState.OK), eager.observe(0, at(1)));
    }

    private List<Optional<AlertState>> feed(double... values) {
        List<Optional<AlertState>> seen = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            seen.add(level.observe(values[i], at(i)));
        }
        return seen;
    }

    private static Instant at(int sample) {
        return START.plus(Duration.ofSeconds(15L * sample));
    }
}
