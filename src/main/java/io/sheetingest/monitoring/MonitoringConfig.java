package io.sheetingest.monitoring;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service watches itself: the event-loop lag probe, resource sampling and readiness limits. */
@ConfigMapping(prefix = "sheet-ingest.monitoring")
public interface MonitoringConfig {

    /** The event-loop lag probe. */
    Lag lag();

    /**
     * How often host, process and file-store figures are sampled in the background. Env
     * {@code RESOURCE_SAMPLE_INTERVAL}, default 5 s.
     */
    @WithDefault("5s")
    Duration sampleInterval();

    /**
     * Usable space the file-store volume must keep for readiness to stay UP. Env {@code STORE_MIN_FREE},
     * default 1G (bytes, with K/M/G suffixes).
     */
    @WithDefault("1G")
    MemorySize storeMinFree();

    /** Settings of the event-loop lag probe. */
    interface Lag {

        /** How often the probe's timer fires on the event loop. Env {@code LAG_PROBE_INTERVAL}, default 100 ms. */
        @WithDefault("100ms")
        Duration interval();

        /** Lag above which the event loop counts as stalled. Env {@code LAG_THRESHOLD}, default 1 s. */
        @WithDefault("1s")
        Duration threshold();

        /**
         * How long the loop must stay stalled before liveness reports DOWN. Env {@code LAG_STALL_TIMEOUT},
         * default 10 s.
         */
        @WithDefault("10s")
        Duration stallTimeout();
    }
}
