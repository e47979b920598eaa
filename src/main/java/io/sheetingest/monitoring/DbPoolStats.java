package io.sheetingest.monitoring;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Both database pools.
 *
 * @param jdbc     the Agroal pool (migrations, COPY)
 * @param reactive the reactive pool (queries on the event loop)
 */
@RegisterForReflection
public record DbPoolStats(Jdbc jdbc, Reactive reactive) {

    /**
     * The Agroal pool.
     *
     * @param active                 connections lent out now
     * @param available              idle connections
     * @param awaiting               threads waiting for a connection
     * @param maxUsed                most connections lent out at once
     * @param created                connections opened since start
     * @param destroyed              connections closed since start
     * @param acquisitionTimeouts    requests that gave up waiting
     * @param blockingTimeAverageMillis average wait for a connection
     * @param blockingTimeMaxMillis  longest wait for a connection
     * @param minSize                configured minimum
     * @param maxSize                configured maximum
     * @param sizeSource             {@code default} (profile rule) or {@code override} ({@code DB_POOL_SIZE},
     *                               {@code DB_MAX_OVERFLOW})
     * @param usagePercent           active over max size, 0-100
     */
    public record Jdbc(long active, long available, long awaiting, long maxUsed, long created, long destroyed,
            long acquisitionTimeouts, long blockingTimeAverageMillis, long blockingTimeMaxMillis, int minSize,
            int maxSize, String sizeSource, double usagePercent) {
    }

    /**
     * The reactive pool.
     *
     * @param size         connections open now
     * @param inUse        connections lent out now
     * @param waiting      requests queued for a connection
     * @param maxSize      configured maximum
     * @param sizeSource   {@code default} or {@code override}, as for the JDBC pool
     * @param usagePercent in use over max size, 0-100
     */
    public record Reactive(int size, long inUse, long waiting, int maxSize, String sizeSource,
            double usagePercent) {
    }
}
