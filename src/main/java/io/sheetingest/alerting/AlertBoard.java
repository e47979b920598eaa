package io.sheetingest.alerting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The state of every rule: feeds each sample to each rule's levels, keeps the last transitions, and answers
 * snapshots. Evaluation happens on the monitor's timer and snapshots on request threads, hence the locking; both
 * take microseconds.
 */
public class AlertBoard {

    private final List<Watched> watched;
    private final int historySize;
    private final Deque<AlertTransition> history = new ArrayDeque<>();
    private Instant evaluatedAt;

    public AlertBoard(List<AlertRule> rules, int historySize) {
        this.watched = rules.stream().map(Watched::new).toList();
        this.historySize = historySize;
    }

    /**
     * Feeds one sample to every rule.
     *
     * @return the levels that started firing or resolved, in rule order
     */
    public synchronized List<AlertTransition> evaluate(MonitorSample sample) {
        List<AlertTransition> transitions = new ArrayList<>();
        for (Watched rule : watched) {
            rule.observe(sample).forEach(transitions::add);
        }
        for (AlertTransition transition : transitions) {
            if (history.size() == historySize) {
                history.removeFirst();
            }
            history.addLast(transition);
        }
        evaluatedAt = sample.at();
        return transitions;
    }

    /** Every rule's state, and the transitions kept, newest first. */
    public synchronized AlertsView view(boolean enabled, String interval, double sampleCpuMicros) {
        List<AlertsView.Rule> rules = watched.stream().map(Watched::view).toList();
        List<AlertTransition> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return new AlertsView(enabled, interval, evaluatedAt, sampleCpuMicros, rules, newestFirst);
    }

    /** State of one level of one rule, for the state gauge; OK for unknown names. */
    public synchronized AlertState state(String rule, AlertSeverity severity) {
        return watched.stream()
                .filter(candidate -> candidate.rule.name().equals(rule))
                .findFirst()
                .map(candidate -> candidate.level(severity).state())
                .orElse(AlertState.OK);
    }

    /** The latest value read for a rule; NaN before the first known one. */
    public synchronized double value(String rule) {
        return watched.stream()
                .filter(candidate -> candidate.rule.name().equals(rule))
                .findFirst()
                .map(candidate -> candidate.value)
                .orElse(Double.NaN);
    }

    /** A rule with its two levels and the last value seen. */
    private static final class Watched {

        private final AlertRule rule;
        private final AlertLevel warning;
        private final AlertLevel critical;
        private double value = Double.NaN;
        private Instant firingSinceWarning;
        private Instant firingSinceCritical;

        Watched(AlertRule rule) {
            this.rule = rule;
            this.warning = rule.level(AlertSeverity.WARNING);
            this.critical = rule.level(AlertSeverity.CRITICAL);
        }

        AlertLevel level(AlertSeverity severity) {
            return severity == AlertSeverity.CRITICAL ? critical : warning;
        }

        /** An unknown reading (NaN) leaves both levels as they are. */
        List<AlertTransition> observe(MonitorSample sample) {
            double read = rule.reading().applyAsDouble(sample);
            if (Double.isNaN(read)) {
                return List.of();
            }
            value = read;
            List<AlertTransition> transitions = new ArrayList<>(2);
            transition(warning, sample.at()).ifPresent(transitions::add);
            transition(critical, sample.at()).ifPresent(transitions::add);
            return transitions;
        }

        private Optional<AlertTransition> transition(AlertLevel level, Instant at) {
            Instant firedAt = level.severity() == AlertSeverity.CRITICAL ? firingSinceCritical : firingSinceWarning;
            return level.observe(value, at).map(to -> {
                Instant since = to == AlertState.FIRING ? at : firedAt;
                remember(level.severity(), to == AlertState.FIRING ? at : null);
                return new AlertTransition(rule.name(), rule.alertname(), level.severity(), to, value,
                        level.threshold(), rule.unit(), at, since, rule.hint());
            });
        }

        private void remember(AlertSeverity severity, Instant firedAt) {
            if (severity == AlertSeverity.CRITICAL) {
                firingSinceCritical = firedAt;
            } else {
                firingSinceWarning = firedAt;
            }
        }

        AlertsView.Rule view() {
            return new AlertsView.Rule(rule.name(), rule.alertname(), rule.unit(), Double.isNaN(value) ? null : value,
                    worst().label(), List.of(view(warning), view(critical)), rule.hint());
        }

        private AlertState worst() {
            return warning.state().compareTo(critical.state()) >= 0 ? warning.state() : critical.state();
        }

        private static AlertsView.Level view(AlertLevel level) {
            return new AlertsView.Level(level.severity().label(), level.state().label(), level.since(),
                    level.threshold(), level.resolveBelow(), level.forSamples(), level.breaches());
        }
    }
}
