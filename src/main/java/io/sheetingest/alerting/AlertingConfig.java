package io.sheetingest.alerting;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The resource monitor's rules and the optional webhook. Each rule's warning and critical thresholds come from
 * environment variables in {@code application.properties} (defaults there); docs/alerting.md says why each default.
 */
@ConfigMapping(prefix = "sheet-ingest.alerting")
public interface AlertingConfig {

    /** Off switch of the resource monitor. Env {@code ALERT_MONITOR_ENABLED}, default true. */
    @WithDefault("true")
    boolean enabled();

    /** How often the monitor samples and evaluates its rules. Env {@code ALERT_INTERVAL}, default 15 s. */
    @WithDefault("15s")
    Duration interval();

    /**
     * Consecutive samples at or above a threshold before a level fires, for rules without their own. Env
     * {@code ALERT_FOR_SAMPLES}, default 4 (one minute at the default interval).
     */
    @WithDefault("4")
    int forSamples();

    /** Transitions kept for {@code GET /api/system/alerts}. Env {@code ALERT_HISTORY}, default 50. */
    @WithDefault("50")
    int history();

    /** Host CPU busy, percent of all cores. Env {@code ALERT_CPU_PERCENT}(_CRITICAL), default 85 / 95. */
    Thresholds hostCpu();

    /** This process's CPU, percent of all cores. Env {@code ALERT_PROCESS_CPU_PERCENT}(_CRITICAL), default 80 / 95. */
    Thresholds processCpu();

    /** Host memory used, percent. Env {@code ALERT_MEMORY_PERCENT}(_CRITICAL), default 85 / 95. */
    Thresholds hostMemory();

    /**
     * JVM heap still live after the latest GC, percent of max. Env {@code ALERT_HEAP_PERCENT}(_CRITICAL), default
     * 80 / 90.
     */
    Thresholds heap();

    /** File-store volume used, percent. Env {@code ALERT_DISK_PERCENT}(_CRITICAL), default 80 / 90. */
    Thresholds disk();

    /**
     * Connections lent out, percent of max, for each pool. Env {@code ALERT_DB_POOL_PERCENT}(_CRITICAL), default
     * 80 / 95.
     */
    Thresholds dbPool();

    /** Requests waiting for a connection, both pools. Env {@code ALERT_DB_PENDING}(_CRITICAL), default 5 / 20. */
    Thresholds dbPending();

    /** JDBC acquisition timeouts per interval. Env {@code ALERT_DB_TIMEOUTS}(_CRITICAL), default 1 / 10. */
    Thresholds dbTimeouts();

    /**
     * Executor queue fill, percent, for each executor. Env {@code ALERT_EXECUTOR_QUEUE_PERCENT}(_CRITICAL), default
     * 50 / 90.
     */
    Thresholds executorQueue();

    /** Tasks refused per interval, both executors. Env {@code ALERT_EXECUTOR_REJECTIONS}(_CRITICAL), default 1 / 10. */
    Thresholds executorRejections();

    /** Event-loop lag, milliseconds. Env {@code ALERT_EVENT_LOOP_LAG_MILLIS}(_CRITICAL), default 100 / 1000. */
    Thresholds eventLoopLag();

    /** Where transitions are POSTed. */
    Webhook webhook();

    /** One rule's levels, in the rule's unit. */
    interface Thresholds {

        /** The warning level fires at or above this value. Default per rule, set in application.properties. */
        double warning();

        /** The critical level fires at or above this value; must be above the warning. Default per rule. */
        double critical();

        /** A firing level resolves only below its threshold minus this margin, in the rule's unit. Default per rule. */
        double recoveryMargin();

        /** Consecutive samples before firing for this rule; default: {@link AlertingConfig#forSamples()}. */
        Optional<Integer> forSamples();
    }

    /** The optional webhook receiver. */
    interface Webhook {

        /**
         * http(s) URL that receives an Alertmanager-shaped POST on each transition. Env {@code ALERT_WEBHOOK_URL},
         * default unset (no webhook).
         */
        Optional<String> url();

        /** How long one POST may take. Env {@code ALERT_WEBHOOK_TIMEOUT}, default 5 s. */
        @WithDefault("5s")
        Duration timeout();

        /** POSTs of one notification before it is dropped. Env {@code ALERT_WEBHOOK_MAX_ATTEMPTS}, default 5. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry, doubled on each further one. Env {@code ALERT_WEBHOOK_BACKOFF}, default 1 s. */
        @WithDefault("1s")
        Duration backoff();

        /** Longest wait between retries. Env {@code ALERT_WEBHOOK_MAX_BACKOFF}, default 1 min. */
        @WithDefault("1m")
        Duration maxBackoff();

        /**
         * Notifications kept while the receiver is unreachable; the oldest is dropped beyond. Env
         * {@code ALERT_WEBHOOK_OUTBOX}, default 100.
         */
        @WithDefault("100")
        int outbox();
    }
}
