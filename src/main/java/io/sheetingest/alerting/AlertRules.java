package io.sheetingest.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The monitor's rules, built from configuration and checked before the service takes any work. */
public final class AlertRules {

    private static final String PREFIX = "sheet-ingest.alerting.";
    private static final double PERCENT = 100;
    private static final double UNBOUNDED = Double.MAX_VALUE;

    private AlertRules() {
    }

    /**
     * Every rule with its configured thresholds.
     *
     * @throws IllegalArgumentException naming each bad setting, its variable and its value
     */
    public static List<AlertRule> from(AlertingConfig config) {
        Builder rules = new Builder(config.forSamples());
        rules.add("host-cpu", "SheetIngestHostCpuHigh", "percent", "ALERT_CPU_PERCENT", setting("host-cpu", config.hostCpu()), PERCENT,
                MonitorSample::hostCpuPercent,
                "something else on the host, or parsing: GET /api/system/resource-usage and executor-stats");
        rules.add("process-cpu", "SheetIngestProcessCpuHigh", "percent", "ALERT_PROCESS_CPU_PERCENT",
                setting("process-cpu", config.processCpu()), PERCENT, MonitorSample::processCpuPercent,
                "running jobs and their file sizes (GET /api/ingestions); lower CPU_EXECUTOR_WORKERS or add replicas");
        rules.add("host-memory", "SheetIngestHostMemoryHigh", "percent", "ALERT_MEMORY_PERCENT", setting("host-memory", config.hostMemory()),
                PERCENT, MonitorSample::hostMemoryPercent,
                "resident size of this and other processes on the host; swap use in /api/system/resource-usage");
        rules.add("heap", "SheetIngestHeapHigh", "percent", "ALERT_HEAP_PERCENT", setting("heap", config.heap()), PERCENT,
                MonitorSample::heapAfterGcPercent,
                "live heap after GC: large xls files or many jobs at once; raise -Xmx or lower CPU_EXECUTOR_WORKERS");
        rules.add("disk", "SheetIngestDiskFilling", "percent", "ALERT_DISK_PERCENT", setting("disk", config.disk()), PERCENT,
                MonitorSample::diskPercent,
                "the file-store volume (STORE_DIR): old uploads, inbox done/ and failed/ folders");
        rules.add("db-pool-jdbc", "SheetIngestJdbcPoolBusy", "percent", "ALERT_DB_POOL_PERCENT", setting("db-pool", config.dbPool()),
                PERCENT, MonitorSample::jdbcPoolPercent,
                "long COPY transactions and slow queries (pg_stat_activity); DB_POOL_SIZE, DB_MAX_OVERFLOW");
        rules.add("db-pool-reactive", "SheetIngestReactivePoolBusy", "percent", "ALERT_DB_POOL_PERCENT",
                setting("db-pool", config.dbPool()), PERCENT, MonitorSample::reactivePoolPercent,
                "query load on /api/datasets and job bookkeeping; pg_stat_activity; DB_POOL_SIZE, DB_MAX_OVERFLOW");
        rules.add("db-pending", "SheetIngestDbAcquisitionsPending", "count", "ALERT_DB_PENDING", setting("db-pending", config.dbPending()),
                UNBOUNDED, MonitorSample::pendingAcquisitions,
                "both pools are exhausted: GET /api/system/db-pool-stats, then pg_stat_activity for slow statements");
        rules.add("db-timeouts", "SheetIngestDbAcquisitionTimeouts", "count", "ALERT_DB_TIMEOUTS",
                setting("db-timeouts", config.dbTimeouts()), UNBOUNDED, MonitorSample::acquisitionTimeouts,
                "jobs fail waiting for a JDBC connection: pool size against PostgreSQL max_connections");
        rules.add("executor-queue-cpu", "SheetIngestCpuExecutorQueueFilling", "percent",
                "ALERT_EXECUTOR_QUEUE_PERCENT", setting("executor-queue", config.executorQueue()), PERCENT, MonitorSample::cpuQueuePercent,
                "parsing cannot keep up: GET /api/system/executor-stats; add replicas or CPU");
        rules.add("executor-queue-io", "SheetIngestIoExecutorQueueFilling", "percent",
                "ALERT_EXECUTOR_QUEUE_PERCENT", setting("executor-queue", config.executorQueue()), PERCENT, MonitorSample::ioQueuePercent,
                "uploads, hashing or COPY wait on disk or the database: executor-stats and db-pool-stats");
        rules.add("executor-rejections", "SheetIngestExecutorRejecting", "count", "ALERT_EXECUTOR_REJECTIONS",
                setting("executor-rejections", config.executorRejections()), UNBOUNDED, MonitorSample::rejections,
                "clients get 503: queues are full (CPU_EXECUTOR_QUEUE, IO_EXECUTOR_QUEUE) or load is too high");
        rules.add("event-loop-lag", "SheetIngestEventLoopLag", "ms", "ALERT_EVENT_LOOP_LAG_MILLIS",
                setting("event-loop-lag", config.eventLoopLag()), UNBOUNDED, MonitorSample::eventLoopLagMillis,
                "blocking work on the event loop or a starved host: thread dump, host CPU, GC pauses");
        return rules.build();
    }

    /** What is wrong with these rules' settings; empty when they are usable. */
    public static List<String> problems(List<AlertRule> rules) {
        List<String> problems = new ArrayList<>();
        for (AlertRule rule : rules) {
            check(problems, rule.warning() >= 0 && rule.warning() <= rule.ceiling(), rule, rule.variable(),
                    "warning", rule.warning(), "must be between 0 and " + bound(rule));
            check(problems, rule.critical() > rule.warning() && rule.critical() <= rule.ceiling(), rule,
                    rule.variable() + "_CRITICAL", "critical", rule.critical(),
                    "must be above the warning (" + number(rule.warning()) + ") and at most " + bound(rule));
            check(problems, rule.margin() >= 0 && rule.margin() <= rule.warning(), rule, null, "recovery-margin",
                    rule.margin(), "must be between 0 and the warning (" + number(rule.warning()) + ")");
            check(problems, rule.forSamples() >= 1, rule, "ALERT_FOR_SAMPLES", "for-samples", rule.forSamples(),
                    "must be at least 1");
        }
        return problems.stream().distinct().toList();
    }

    private static void check(List<String> problems, boolean ok, AlertRule rule, String variable, String key,
            double value, String expected) {
        if (ok) {
            return;
        }
        String setting = rule.property() + "." + key;
        String name = variable == null ? setting : variable + " (" + setting + ")";
        problems.add(name + "=" + number(value) + " " + expected);
    }

    private static String bound(AlertRule rule) {
        return rule.ceiling() == UNBOUNDED ? "any positive number" : number(rule.ceiling());
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static Setting setting(String key, AlertingConfig.Thresholds thresholds) {
        return new Setting(PREFIX + key, thresholds);
    }

    /** A rule's thresholds with the property prefix they were read from, for messages. */
    private record Setting(String property, AlertingConfig.Thresholds levels) {

        double warning() {
            return levels.warning();
        }

        double critical() {
            return levels.critical();
        }

        double recoveryMargin() {
            return levels.recoveryMargin();
        }

        Optional<Integer> forSamples() {
            return levels.forSamples();
        }
    }

    /** Collects rules, then refuses the lot when any setting is bad, listing every bad one at once. */
    private static final class Builder {

        private final int defaultForSamples;
        private final List<AlertRule> rules = new ArrayList<>();

        Builder(int defaultForSamples) {
            this.defaultForSamples = defaultForSamples;
        }

        void add(String name, String alertname, String unit, String variable, Setting levels,
                double ceiling, ToDoubleFunction<MonitorSample> reading, String hint) {
            rules.add(new AlertRule(name, alertname, unit, variable, levels.property(), ceiling, levels.warning(),
                    levels.critical(), levels.recoveryMargin(), levels.forSamples().orElse(defaultForSamples), hint,
                    reading));
        }

        List<AlertRule> build() {
            List<String> problems = problems(rules);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Bad alert thresholds: " + String.join("; ", problems));
            }
            return List.copyOf(rules);
        }
    }
}
