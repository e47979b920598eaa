package io.sheetingest.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Limits the container runtime put on this process, read from the cgroup file system (v2 first, then v1).
 *
 * @param cgroup           {@code v2}, {@code v1}, or {@code none} when no cgroup controller files are readable
 * @param cpuQuotaCores    CPU quota in cores ({@code quota / period}); null when unlimited
 * @param memoryLimitBytes memory limit; null when unlimited
 */
public record CgroupLimits(String cgroup, Double cpuQuotaCores, Long memoryLimitBytes) {

    /** cgroup v1 writes "no limit" as a page-aligned Long.MAX_VALUE; anything this large is no limit. */
    private static final long UNLIMITED = 1L << 62;

    /** Reads the limits under {@code root}, normally {@code /sys/fs/cgroup}. Blocking: call on the I/O executor. */
    public static CgroupLimits read(Path root) {
        if (Files.isReadable(root.resolve("cgroup.controllers"))) {
            return new CgroupLimits("v2", cpuV2(root.resolve("cpu.max")), bytes(root.resolve("memory.max")));
        }
        Path quota = root.resolve("cpu/cpu.cfs_quota_us");
        Path memory = root.resolve("memory/memory.limit_in_bytes");
        if (Files.isReadable(quota) || Files.isReadable(memory)) {
            return new CgroupLimits("v1", cpuV1(quota, root.resolve("cpu/cpu.cfs_period_us")), bytes(memory));
        }
        return new CgroupLimits("none", null, null);
    }

    private static Double cpuV2(Path file) {
        return text(file)
                .map(line -> line.split("\\s+"))
                .filter(parts -> parts.length == 2 && !"max".equals(parts[0]))
                .map(parts -> Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]))
                .orElse(null);
    }

    private static Double cpuV1(Path quota, Path period) {
        Optional<Long> quotaMicros = text(quota).map(Long::parseLong).filter(value -> value > 0);
        Optional<Long> periodMicros = text(period).map(Long::parseLong).filter(value -> value > 0);
        if (quotaMicros.isEmpty() || periodMicros.isEmpty()) {
            return null;
        }
        return (double) quotaMicros.get() / periodMicros.get();
    }

    private static Long bytes(Path file) {
        return text(file)
                .filter(value -> !"max".equals(value))
                .map(Long::parseLong)
                .filter(value -> value < UNLIMITED)
                .orElse(null);
    }

    private static Optional<String> text(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
