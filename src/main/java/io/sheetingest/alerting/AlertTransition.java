package io.sheetingest.alerting;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A level of a rule started firing or resolved.
 *
 * @param rule        the rule's name, e.g. {@code host-cpu}
 * @param alertname   the alert's name, as in the shipped Prometheus rules
 * @param severity    the level that changed
 * @param to          {@link AlertState#FIRING} or {@link AlertState#OK} (resolved)
 * @param value       the sample that caused the change
 * @param threshold   the level's threshold
 * @param unit        unit of value and threshold
 * @param at          when the change happened
 * @param firingSince when the level started firing (equal to {@code at} when it fires)
 * @param hint        what an operator should look at
 */
@RegisterForReflection
public record AlertTransition(String rule, String alertname, AlertSeverity severity, AlertState to, double value,
        double threshold, String unit, Instant at, Instant firingSince, String hint) {

    /** The level started firing (otherwise it resolved). */
    public boolean firing() {
        return to == AlertState.FIRING;
    }
}
