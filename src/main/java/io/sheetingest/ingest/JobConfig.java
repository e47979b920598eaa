package io.sheetingest.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How jobs are claimed from the queue in PostgreSQL and written. */
@ConfigMapping(prefix = "sheet-ingest.jobs")
public interface JobConfig {

    /** How often the dispatcher looks for queued jobs when nothing woke it. Default 2 s. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a claimed job belongs to this replica without renewal; it is renewed every third of it.
     * Default 60 s.
     */
    @WithDefault("60s")
    Duration lease();

    /** Claims of one job before it is failed for good. Default 3. */
    @WithDefault("3")
    int maxAttempts();

    /** First delay before a job that hit a transient database error is retried; doubles per attempt. Default 2 s. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How often running jobs publish their row counts to the database. Default 1 s. */
    @WithDefault("1s")
    Duration progressInterval();

    /** Rows per COPY batch handed from the parser to the writer. Default 2000. */
    @WithDefault("2000")
    int batchRows();

    /** Batches that may wait between parser and writer; bounds memory per job. Default 4. */
    @WithDefault("4")
    int bufferBatches();

    /** A folder whose files are ingested at start (dev: {@code samples}), dataset = file name stem. Unset: none. */
    Optional<Path> samplesDir();
}
