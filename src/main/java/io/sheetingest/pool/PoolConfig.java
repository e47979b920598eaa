package io.sheetingest.pool;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The pool-sizing settings as the application reads them; {@link PoolSizingConfigSourceFactory} applies them
 * to both datasources before this mapping exists.
 */
@ConfigMapping(prefix = "sheet-ingest.db")
public interface PoolConfig {

    /** Base connections per pool; {@code 0} keeps the profile rule. Env {@code DB_POOL_SIZE}. Default 0. */
    Optional<String> poolSize();

    /** Extra connections under load; {@code 0} keeps the profile rule. Env {@code DB_MAX_OVERFLOW}. Default 0. */
    Optional<String> maxOverflow();

    /**
     * Where the pool sizes came from, {@code default} (profile rule) or {@code override}; published by the
     * sizing config source, not meant to be set.
     */
    @WithDefault("default")
    String poolSource();
}
