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
        rules.add("host-cpu", "SheetIngestHostCpuHigh", "ALERT_CPU_PERCENT")
                .percent(setting("host-cpu", config.hostCpu()), MonitorSample::hostCpuPercent,
                        "something else on the host, or parsing: GET /api/system/resource-usage and executor-stats");
        rules.add("process-cpu", "SheetIngestProcessCpuHigh", "ALERT_PROCESS_CPU_PERCENT")
                .percent(setting("process-cpu", config.processCpu()), MonitorSample::processCpuPercent,
                        "running jobs and their file sizes (GET /api/ingestions); lower CPU_EXECUTOR_WORKERS "
                                + "or add replicas");
        rules.add("host-memory", "SheetIngestHostMemoryHigh", "ALERT_MEMORY_PERCENT")
                .percent(setting("host-memory", config.hostMemory()), MonitorSample::hostMemoryPercent,
                        "resident size of this and other processes on the host; swap use in "
                                + "/api/system/resource-usage");
        rules.add("heap", "SheetIngestHeapHigh", "ALERT_HEAP_PERCENT")
                .percent(setting("heap", config.heap()), MonitorSample::heapAfterGcPercent,
                        "live heap after GC: large xls files or many jobs at once; raise -Xmx or lower "
                                + "CPU_EXECUTOR_WORKERS");
        rules.add("disk", "SheetIngestDiskFilling", "ALERT_DISK_PERCENT")
                .percent(setting("disk", config.disk()), MonitorSample::diskPercent,
                        "the file-store volume (STORE_DIR): old uploads, inbox done/ and failed/ folders");
        rules.add("db-pool-jdbc", "SheetIngestJdbcPoolBusy", "ALERT_DB_POOL_PERCENT")
                .percent(setting("db-pool", config.dbPool()), MonitorSample::jdbcPoolPercent,
                        "long COPY transactions and slow queries (pg_stat_activity); DB_POOL_SIZE, DB_MAX_OVERFLOW");
        rules.add("db-pool-reactive", "SheetIngestReactivePoolBusy", "ALERT_DB_POOL_PERCENT")
                .percent(setting("db-pool", config.dbPool()), MonitorSample::reactivePoolPercent,
                        "query load on /api/datasets and job bookkeeping; pg_stat_activity; DB_POOL_SIZE, "
                                + "DB_MAX_OVERFLOW");
        rules.add("db-pending", "SheetIngestDbAcquisitionsPending", "ALERT_DB_PENDING")
                .count(setting("db-pending", config.dbPending()), MonitorSample::pendingAcquisitions,
                        "both pools are exhausted: GET /api/system/db-pool-stats, then pg_stat_activity for slow "
                                + "statements");
        rules.add("db-timeouts", "SheetIngestDbAcquisitionTimeouts", "ALERT_DB_TIMEOUTS")
                .count(setting("db-timeouts", config.dbTimeouts()), MonitorSample::acquisitionTimeouts,
                        "jobs fail waiting for a JDBC connection: pool size against PostgreSQL max_connections");
        rules.add("executor-queue-cpu", "SheetIngestCpuExecutorQueueFilling", "ALERT_EXECUTOR_QUEUE_PERCENT")
                .percent(setting("executor-queue", config.executorQueue()), MonitorSample::cpuQueuePercent,
                        "parsing cannot keep up: GET /api/system/executor-stats; add replicas or CPU");
        rules.add("executor-queue-io", "SheetIngestIoExecutorQueueFilling", "ALERT_EXECUTOR_QUEUE_PERCENT")
                .percent(setting("executor-queue", config.executorQueue()), MonitorSample::ioQueuePercent,
                        "uploads, hashing or COPY wait on disk or the database: executor-stats and db-pool-stats");
        rules.add("executor-rejections", "SheetIngestExecutorRejecting", "ALERT_EXECUTOR_REJECTIONS")
                .count(setting("executor-rejections", config.executorRejections()), MonitorSample::rejections,
                        "clients get 503: queues are full (CPU_EXECUTOR_QUEUE, IO_EXECUTOR_QUEUE) or load is too "
                                + "high");
        rules.add("event-loop-lag", "SheetIngestEventLoopLag", "ALERT_EVENT_LOOP_LAG_MILLIS")
                .millis(setting("event-loop-lag", config.eventLoopLag()), MonitorSample::eventLoopLagMillis,
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
    }

    /** A rule's names, waiting for its unit, thresholds and reading. */
    private record Named(Builder builder, String name, String alertname, String variable) {

        void percent(Setting levels, ToDoubleFunction<MonitorSample> reading, String hint) {
            builder.add(this, "percent", PERCENT, levels, reading, hint);
        }

        void count(Setting levels, ToDoubleFunction<MonitorSample> reading, String hint) {
            builder.add(this, "count", UNBOUNDED, levels, reading, hint);
        }

        void millis(Setting levels, ToDoubleFunction<MonitorSample> reading, String hint) {
            builder.add(this, "ms", UNBOUNDED, levels, reading, hint);
        }
    }

    /** Collects rules, then refuses the lot when any setting is bad, listing every bad one at once. */
    private static final class Builder {

        private final int defaultForSamples;
        private final List<AlertRule> rules = new ArrayList<>();
        private final List<String> forProblems = new ArrayList<>();

        Builder(int defaultForSamples) {
            this.defaultForSamples = defaultForSamples;
        }

        /** Starts a rule; its unit method adds it. */
        Named add(String name, String alertname, String variable) {
            return new Named(this, name, alertname, variable);
        }

        void add(Named named, String unit, double ceiling, Setting setting, ToDoubleFunction<MonitorSample> reading,
                String hint) {
            AlertingConfig.Thresholds levels = setting.levels();
            Optional<Integer> own = levels.forSamples();
            int forSamples = own.orElse(defaultForSamples);
            if (forSamples < 1) {
                String name = own.isPresent() ? setting.property() + ".for-samples"
                        : "ALERT_FOR_SAMPLES (" + PREFIX + "for-samples)";
                forProblems.add(name + "=" + forSamples + " must be at least 1");
            }
            rules.add(new AlertRule(named.name(), named.alertname(), unit, named.variable(), setting.property(),
                    ceiling, levels.warning(), levels.critical(), levels.recoveryMargin(), forSamples, hint, reading));
        }

        List<AlertRule> build() {
            List<String> problems = new ArrayList<>(problems(rules));
            forProblems.stream().distinct().forEach(problems::add);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Bad alert thresholds: " + String.join("; ", problems));
            }
            return List.copyOf(rules);
        }
    }
}
