package io.sheetingest.alerting;

import java.time.Instant;

/**
 * What the monitor read at one tick, each figure in the unit its rule uses. {@code NaN} means "not known yet"
 * (before the first resource sample, a pool without a size): rules skip it.
 *
 * @param at                  when it was read
 * @param hostCpuPercent      host CPU busy, all cores, 0-100
 * @param processCpuPercent   this process's share of all cores, 0-100
 * @param hostMemoryPercent   host memory used, 0-100
 * @param heapAfterGcPercent  heap still live after the latest collection over max heap, 0-100
 * @param diskPercent         file-store volume used, 0-100
 * @param jdbcPoolPercent     Agroal connections lent out over max, 0-100
 * @param reactivePoolPercent reactive connections lent out over max, 0-100
 * @param pendingAcquisitions requests waiting for a connection, both pools
 * @param acquisitionTimeouts JDBC acquisition timeouts since the previous tick
 * @param cpuQueuePercent     cpu executor queue fill, 0-100
 * @param ioQueuePercent      io executor queue fill, 0-100
 * @param rejections          tasks both executors refused since the previous tick
 * @param eventLoopLagMillis  event-loop lag now
 */
public record MonitorSample(Instant at, double hostCpuPercent, double processCpuPercent, double hostMemoryPercent,
        double heapAfterGcPercent, double diskPercent, double jdbcPoolPercent, double reactivePoolPercent,
        double pendingAcquisitions, double acquisitionTimeouts, double cpuQueuePercent, double ioQueuePercent,
        double rejections, double eventLoopLagMillis) {
}
