package io.sheetingest.monitoring;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One sample of the host's, the JVM's and the process's resources, every figure named with its unit.
 *
 * @param sampledAt            when the sample was taken
 * @param sampleDurationMillis how long taking it took (on the I/O executor)
 * @param cpu                  host and process CPU
 * @param memory               host memory and swap
 * @param jvm                  JVM memory pools
 * @param process              this process
 * @param host                 the host's processes and uptime
 * @param fileStore            the volume that holds the file store
 * @param container            cgroup limits, when running in one
 */
@RegisterForReflection
public record ResourceUsage(
        Instant sampledAt,
        double sampleDurationMillis,
        Cpu cpu,
        Memory memory,
        Jvm jvm,
        Process process,
        Host host,
        Disk fileStore,
        CgroupLimits container) {

    /**
     * CPU figures; percentages are over the time since the previous sample.
     *
     * @param hostPercent    all cores together, 0-100
     * @param perCorePercent each logical core, 0-100
     * @param logicalCores   logical processors on the host
     * @param physicalCores  physical cores on the host
     * @param availableCores what the JVM may use ({@code Runtime.availableProcessors()}, honours CPU limits)
     * @param loadAverage1m  run-queue length averaged over 1 minute; negative where the OS has none
     * @param loadAverage5m  over 5 minutes
     * @param loadAverage15m over 15 minutes
     */
    public record Cpu(double hostPercent, List<Double> perCorePercent, int logicalCores, int physicalCores,
            int availableCores, double loadAverage1m, double loadAverage5m, double loadAverage15m) {
    }

    /**
     * Host memory.
     *
     * @param totalBytes      physical memory
     * @param usedBytes       total minus available
     * @param availableBytes  what new work can use without swapping
     * @param usedPercent     used over total, 0-100
     * @param swapTotalBytes  swap space
     * @param swapUsedBytes   swap in use
     */
    public record Memory(long totalBytes, long usedBytes, long availableBytes, double usedPercent,
            long swapTotalBytes, long swapUsedBytes) {
    }

    /**
     * JVM memory; a max of -1 means undefined.
     *
     * @param heapUsedBytes         heap in use
     * @param heapCommittedBytes    heap reserved from the OS
     * @param heapMaxBytes          heap limit
     * @param nonHeapUsedBytes      metaspace, code cache and the like, in use
     * @param nonHeapCommittedBytes non-heap reserved from the OS
     * @param nonHeapMaxBytes       non-heap limit
     */
    public record Jvm(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes,
            long nonHeapCommittedBytes, long nonHeapMaxBytes) {
    }

    /**
     * This process.
     *
     * @param pid                 process id
     * @param residentBytes       resident set size
     * @param cpuPercent          share of all logical cores since the previous sample, 0-100
     * @param threadsLive         live threads
     * @param threadsDaemon       live daemon threads
     * @param threadsPeak         most live threads since start
     * @param openFileDescriptors open file descriptors
     * @param maxFileDescriptors  the descriptor limit
     * @param uptimeSeconds       since the JVM started
     */
    public record Process(long pid, long residentBytes, double cpuPercent, int threadsLive, int threadsDaemon,
            int threadsPeak, long openFileDescriptors, long maxFileDescriptors, long uptimeSeconds) {
    }

    /**
     * The host.
     *
     * @param processCount  processes running on it
     * @param uptimeSeconds since it booted
     */
    public record Host(int processCount, long uptimeSeconds) {
    }

    /**
     * A volume.
     *
     * @param path        the directory it was measured at
     * @param totalBytes  size
     * @param freeBytes   usable by this process
     * @param usedPercent 100 minus free over total
     */
    public record Disk(String path, long totalBytes, long freeBytes, double usedPercent) {
    }
}
