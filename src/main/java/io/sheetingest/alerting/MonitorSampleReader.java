package io.sheetingest.alerting;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import io.sheetingest.executor.ExecutorFigures;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.monitoring.AcquisitionTimeouts;
import io.sheetingest.monitoring.DbPoolStats;
import io.sheetingest.monitoring.DbPoolStatsReader;
import io.sheetingest.monitoring.EventLoopLagProbe;
import io.sheetingest.monitoring.ResourceSampler;
import io.sheetingest.monitoring.ResourceUsage;

/**
 * Gathers one {@link MonitorSample} from figures other beans already keep in memory: the resource sampler's latest
 * OSHI sample, the pools' counters, the executors' figures, the lag probe and the JVM's memory pools. Nothing here
 * touches /proc or the disk. Not thread-safe: the monitor runs one sample at a time.
 */
@ApplicationScoped
public class MonitorSampleReader {

    private final ResourceSampler resources;
    private final DbPoolStatsReader pools;
    private final AcquisitionTimeouts timeouts;
    private final WorkerPools executors;
    private final EventLoopLagProbe lag;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(GarbageCollectorMXBean.class::isInstance)
            .map(GarbageCollectorMXBean.class::cast)
            .toList();
    private long previousTimeouts;
    private long previousRejections;

    public MonitorSampleReader(ResourceSampler resources, DbPoolStatsReader pools, AcquisitionTimeouts timeouts,
            WorkerPools executors, EventLoopLagProbe lag) {
        this.resources = resources;
        this.pools = pools;
        this.timeouts = timeouts;
        this.executors = executors;
        this.lag = lag;
        this.previousTimeouts = timeouts.count();
        this.previousRejections = rejections(executors.figures());
    }

    /** Reads every figure; counters become counts since the previous call. */
    public MonitorSample read() {
        ResourceUsage usage = resources.latest();
        DbPoolStats db = pools.read();
        List<ExecutorFigures> figures = executors.figures();
        long timeoutsNow = timeouts.count();
        long rejectionsNow = rejections(figures);
        MonitorSample sample = new MonitorSample(Instant.now(),
                usage == null ? Double.NaN : usage.cpu().hostPercent(),
                usage == null ? Double.NaN : usage.process().cpuPercent(),
                usage == null ? Double.NaN : usage.memory().usedPercent(),
                heapAfterGcPercent(),
                usage == null ? Double.NaN : usage.fileStore().usedPercent(),
                db.jdbc().usagePercent(),
                db.reactive().maxSize() == 0 ? Double.NaN : db.reactive().usagePercent(),
                db.jdbc().awaiting() + db.reactive().waiting(),
                timeoutsNow - previousTimeouts,
                queuePercent(figures, "cpu"),
                queuePercent(figures, "io"),
                rejectionsNow - previousRejections,
                lag.currentLag().toNanos() / 1e6);
        previousTimeouts = timeoutsNow;
        previousRejections = rejectionsNow;
        return sample;
    }

    /**
     * The heap left live after the latest collection, over the heap's maximum: unlike heap used, this does not rise
     * and fall with garbage that is about to be collected. NaN before the first collection.
     */
    private double heapAfterGcPercent() {
        GcInfo latest = null;
        for (GarbageCollectorMXBean collector : collectors) {
            GcInfo info = collector.getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        if (latest == null || max <= 0) {
            return Double.NaN;
        }
        long live = latest.getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        return round(100.0 * live / max);
    }

    private static double queuePercent(List<ExecutorFigures> figures, String name) {
        return figures.stream()
                .filter(figure -> figure.name().equals(name))
                .findFirst()
                .map(figure -> round(100.0 * figure.queuedTasks() / figure.queueCapacity()))
                .orElse(Double.NaN);
    }

    private static long rejections(List<ExecutorFigures> figures) {
        return figures.stream().mapToLong(ExecutorFigures::rejectedTasks).sum();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
