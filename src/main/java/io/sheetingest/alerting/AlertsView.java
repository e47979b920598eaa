package io.sheetingest.alerting;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code GET /api/system/alerts}.
 *
 * @param enabled     whether the monitor samples at all ({@code ALERT_MONITOR_ENABLED})
 * @param interval    time between samples
 * @param evaluatedAt when the rules last saw a sample; null before the first
 * @param sampleCpuMicros mean CPU time the monitor spent per sample (reading figures and evaluating rules)
 * @param rules       every rule, in a fixed order
 * @param transitions the latest firing and resolved transitions, newest first
 */
@RegisterForReflection
public record AlertsView(boolean enabled, String interval, Instant evaluatedAt, double sampleCpuMicros,
        List<Rule> rules, List<AlertTransition> transitions) {

    /**
     * One rule.
     *
     * @param name      the {@code rule} label
     * @param alertname the alert's name, as in the shipped Prometheus rules
     * @param unit      {@code percent}, {@code count} or {@code ms}
     * @param value     the latest value read; null before the first known one
     * @param state     the worse of its levels' states: ok, pending or firing
     * @param levels    warning and critical
     * @param hint      what to look at when it fires
     */
    public record Rule(String name, String alertname, String unit, Double value, String state, List<Level> levels,
            String hint) {
    }

    /**
     * One level of a rule.
     *
     * @param severity    warning or critical
     * @param state       ok, pending or firing
     * @param since       when it entered that state; null before its first change
     * @param threshold   fires at or above this value
     * @param resolveBelow a firing level resolves below this value (threshold minus recovery margin)
     * @param forSamples  consecutive samples at or above the threshold before firing
     * @param breaches    consecutive samples at or above the threshold so far, while pending
     */
    public record Level(String severity, String state, Instant since, double threshold, double resolveBelow,
            int forSamples, int breaches) {
    }
}
