package io.sheetingest.executor;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Sizes and limits of the two managed executors.
 *
 * <p>Worker counts are read as text so that a bad value can be reported with the environment variable
 * that carried it; {@link WorkerSizing} turns them into thread counts.
 */
@ConfigMapping(prefix = "sheet-ingest.executor")
public interface ExecutorConfig {

    /** The CPU executor: parsing and type inference. */
    Pool cpu();

    /** The I/O executor: file store, hashing, JDBC COPY. */
    Pool io();

    /** How long running tasks may take to finish at shutdown before they are interrupted. Default 30 s. */
    @WithDefault("30s")
    Duration shutdownTimeout();

    /** Value of the {@code Retry-After} header when an executor is saturated. Default 5 s. */
    @WithDefault("5s")
    Duration retryAfter();

    /** One executor's settings. */
    interface Pool {

        /**
         * Thread count; {@code 0} means the default formula. Env: {@code CPU_EXECUTOR_WORKERS} /
         * {@code IO_EXECUTOR_WORKERS}. Default 0.
         */
        @WithDefault("0")
        String workers();

        /** Tasks that may wait for a thread before callers are told the executor is saturated. */
        @WithDefault("64")
        int queueCapacity();
    }
}
