package io.sheetingest.alerting;

import java.util.function.ToDoubleFunction;

/**
 * One watched resource: how to read it from a sample and when it is too high.
 *
 * @param name       stable id, the {@code rule} label, e.g. {@code host-cpu}
 * @param alertname  the alert's name, shared with deploy/prometheus/alerts.yml
 * @param unit       {@code percent}, {@code count} or {@code ms}
 * @param variable   environment variable of the warning threshold; the critical one adds {@code _CRITICAL}
 * @param property   property prefix of the thresholds, e.g. {@code sheet-ingest.alerting.host-cpu}
 * @param ceiling    largest meaningful threshold (100 for percentages)
 * @param warning    warning threshold
 * @param critical   critical threshold
 * @param margin     recovery margin
 * @param forSamples consecutive samples before firing
 * @param hint       what an operator should look at when it fires
 * @param reading    the figure this rule watches
 */
public record AlertRule(String name, String alertname, String unit, String variable, String property, double ceiling,
        double warning, double critical, double margin, int forSamples, String hint,
        ToDoubleFunction<MonitorSample> reading) {

    /** A fresh state machine for one of this rule's levels. */
    public AlertLevel level(AlertSeverity severity) {
        double threshold = severity == AlertSeverity.CRITICAL ? critical : warning;
        return new AlertLevel(severity, threshold, margin, forSamples);
    }
}
