package io.sheetingest.alerting;

import java.time.Instant;
import java.util.Optional;

/**
 * One level (warning or critical) of one rule: fires after {@code forSamples} consecutive samples at or above the
 * threshold, and resolves only when a sample falls below the threshold minus the recovery margin, so that a value
 * hovering around the threshold does not flap. Not thread-safe: the monitor feeds it from one timer.
 */
public class AlertLevel {

    private final AlertSeverity severity;
    private final double threshold;
    private final double recoveryMargin;
    private final int forSamples;
    private AlertState state = AlertState.OK;
    private Instant since;
    private int breaches;

    public AlertLevel(AlertSeverity severity, double threshold, double recoveryMargin, int forSamples) {
        this.severity = severity;
        this.threshold = threshold;
        this.recoveryMargin = recoveryMargin;
        this.forSamples = forSamples;
    }

    /**
     * Takes one sample.
     *
     * @return the level's new state when it started firing or resolved; empty otherwise, pending included
     */
    public Optional<AlertState> observe(double value, Instant at) {
        if (state == AlertState.FIRING) {
            return value < resolveBelow() ? move(AlertState.OK, at) : Optional.empty();
        }
        if (value < threshold) {
            breaches = 0;
            if (state == AlertState.PENDING) {
                state = AlertState.OK;
                since = at;
            }
            return Optional.empty();
        }
        breaches++;
        if (breaches >= forSamples) {
            return move(AlertState.FIRING, at);
        }
        if (state == AlertState.OK) {
            state = AlertState.PENDING;
            since = at;
        }
        return Optional.empty();
    }

    private Optional<AlertState> move(AlertState to, Instant at) {
        state = to;
        since = at;
        breaches = 0;
        return Optional.of(to);
    }

    /** A firing level resolves on the first sample below this value. */
    public double resolveBelow() {
        return threshold - recoveryMargin;
    }

    public AlertSeverity severity() {
        return severity;
    }

    public double threshold() {
        return threshold;
    }

    public double recoveryMargin() {
        return recoveryMargin;
    }

    public int forSamples() {
        return forSamples;
    }

    public AlertState state() {
        return state;
    }

    /** When the level entered its state; null before its first change. */
    public Instant since() {
        return since;
    }

    /** Consecutive samples at or above the threshold while not yet firing. */
    public int breaches() {
        return breaches;
    }
}
