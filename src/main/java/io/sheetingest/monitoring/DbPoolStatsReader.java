package io.sheetingest.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.sheetingest.pool.PoolConfig;
import io.vertx.sqlclient.Pool;

/**
 * Reads both pools' figures from memory: Agroal's own counters, and for the reactive pool the gauges Quarkus'
 * Vert.x metrics keep ({@code sql.pool.*}), since the Vert.x pool API tells only its size.
 */
@ApplicationScoped
public class DbPoolStatsReader {

    private static final String REACTIVE_POOL_TYPE = "sql";

    private final AgroalDataSource jdbc;
    private final Pool reactive;
    private final VertxPoolMeters meters;
    private final AcquisitionTimeouts timeouts;
    private final String sizeSource;

    public DbPoolStatsReader(AgroalDataSource jdbc, Pool reactive, VertxPoolMeters meters,
            AcquisitionTimeouts timeouts, PoolConfig config) {
        this.jdbc = jdbc;
        this.reactive = reactive;
        this.meters = meters;
        this.timeouts = timeouts;
        this.sizeSource = config.poolSource();
    }

    public DbPoolStats read() {
        return new DbPoolStats(jdbc(), reactive());
    }

    private DbPoolStats.Jdbc jdbc() {
        AgroalDataSourceMetrics metrics = jdbc.getMetrics();
        AgroalConnectionPoolConfiguration pool = jdbc.getConfiguration().connectionPoolConfiguration();
        return new DbPoolStats.Jdbc(metrics.activeCount(), metrics.availableCount(), metrics.awaitingCount(),
                metrics.maxUsedCount(), metrics.creationCount(), metrics.destroyCount(), timeouts.count(),
                metrics.blockingTimeAverage().toMillis(), metrics.blockingTimeMax().toMillis(), pool.minSize(),
                pool.maxSize(), sizeSource, percent(metrics.activeCount(), pool.maxSize()));
    }

    /** Vert.x counts a connection as idle when it could still be lent out, so active plus idle is the maximum. */
    private DbPoolStats.Reactive reactive() {
        long inUse = meters.gauge(REACTIVE_POOL_TYPE, null, "active");
        long idle = meters.gauge(REACTIVE_POOL_TYPE, null, "idle");
        long waiting = meters.gauge(REACTIVE_POOL_TYPE, null, "queue.size");
        int maxSize = (int) (inUse + idle);
        return new DbPoolStats.Reactive(reactive.size(), inUse, waiting, maxSize, sizeSource,
                percent(inUse, maxSize));
    }

    private static double percent(long used, long max) {
        return max <= 0 ? 0 : Math.round(used * 10_000.0 / max) / 100.0;
    }
}
