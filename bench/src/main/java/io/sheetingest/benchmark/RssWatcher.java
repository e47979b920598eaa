package io.sheetingest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident set size and CPU time of a process during one measurement: resets the kernel's high-water mark
 * ({@code clear_refs} 5) and also samples {@code VmRSS}, in case the reset is not allowed.
 */
final class RssWatcher {

    /** USER_HZ: the unit of /proc/PID/stat times, 100 on every Linux this runs on. */
    private static final int CLOCK_TICKS = 100;

    private final Path status;
    private final Path stat;
    private final long cpuTicksAtStart;
    private final Thread sampler;
    private final boolean resetWorked;
    private volatile boolean running = true;
    private volatile long sampledPeakKb;

    RssWatcher(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        this.cpuTicksAtStart = cpuTicks();
        this.resetWorked = reset(pid);
        this.sampler = new Thread(this::sample, "rss-watcher");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; the peak RSS in MB since construction. */
    double stop() throws InterruptedException {
        running = false;
        sampler.join();
        long peak = sampledPeakKb;
        if (resetWorked) {
            peak = Math.max(peak, field("VmHWM:"));
        }
        return peak / 1024.0;
    }

    /** CPU time (user + system) the process used since construction, in seconds. */
    double cpuSeconds() {
        return (cpuTicks() - cpuTicksAtStart) / (double) CLOCK_TICKS;
    }

    /** utime + stime of /proc/PID/stat, fields 14 and 15, counted after the command name's closing parenthesis. */
    private long cpuTicks() {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void sample() {
        while (running) {
            sampledPeakKb = Math.max(sampledPeakKb, field("VmRSS:"));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long field(String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static boolean reset(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
