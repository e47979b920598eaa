package io.sheetingest.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Host and process figures from the JVM's own management beans and {@code /proc}, for where OSHI cannot run (a
 * native image without its JNA pieces, an unusual platform). Coarser than OSHI: no per-core load, no physical core
 * count; figures that cannot be read are -1.
 */
final class JvmResourceReader {

    private static final Path PROC = Path.of("/proc");

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    ResourceUsage.Cpu cpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = os.getSystemLoadAverage();
        return new ResourceUsage.Cpu(percent(os.getCpuLoad()), List.of(), os.getAvailableProcessors(), -1, cores,
                round(load), -1, -1);
    }

    ResourceUsage.Memory memory() {
        long total = os.getTotalMemorySize();
        long available = availableMemory().orElse(os.getFreeMemorySize());
        long used = total - available;
        long swapTotal = os.getTotalSwapSpaceSize();
        return new ResourceUsage.Memory(total, used, available, percent(total == 0 ? 0 : (double) used / total),
                swapTotal, swapTotal - os.getFreeSwapSpaceSize());
    }

    ResourceUsage.Process process() {
        long openFiles = -1;
        long maxFiles = -1;
        if (os instanceof UnixOperatingSystemMXBean unix) {
            openFiles = unix.getOpenFileDescriptorCount();
            maxFiles = unix.getMaxFileDescriptorCount();
        }
        return new ResourceUsage.Process(ProcessHandle.current().pid(), residentBytes(),
                percent(os.getProcessCpuLoad()),
                threads.getThreadCount(), threads.getDaemonThreadCount(), threads.getPeakThreadCount(), openFiles,
                maxFiles, ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    ResourceUsage.Host host() {
        return new ResourceUsage.Host(processCount(), hostUptimeSeconds());
    }

    /** MemAvailable of /proc/meminfo: what the kernel could hand out without swapping, unlike "free". */
    private static java.util.OptionalLong availableMemory() {
        return kibibytes(PROC.resolve("meminfo"), "MemAvailable:");
    }

    private static long residentBytes() {
        return kibibytes(PROC.resolve("self/status"), "VmRSS:").orElse(-1);
    }

    private static java.util.OptionalLong kibibytes(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(key.length()).replace("kB", "").trim())
                    .mapToLong(value -> Long.parseLong(value) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static int processCount() {
        try (Stream<Path> entries = Files.list(PROC)) {
            return (int) entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long hostUptimeSeconds() {
        try {
            String uptime = Files.readString(PROC.resolve("uptime")).trim();
            return (long) Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double percent(double ratio) {
        return ratio < 0 ? -1 : Math.round(ratio * 10_000) / 100.0;
    }

    private static double round(double value) {
        return value < 0 ? -1 : Math.round(value * 100) / 100.0;
    }
}
