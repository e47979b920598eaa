package io.sheetingest.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.sun.management.UnixOperatingSystemMXBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sheetingest.executor.ExecutorSaturatedException;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.ingest.FileStore;
import io.vertx.core.Vertx;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples the host, the JVM and the process in the background on the I/O executor, because OSHI reads /proc and
 * /sys. Readers get the latest sample and never wait for one.
 */
@ApplicationScoped
public class ResourceSampler {

    private static final Logger LOG = Logger.getLogger(ResourceSampler.class);
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private final WorkerPools pools;
    private final Vertx vertx;
    private final MonitoringConfig config;
    private final Path storeRoot;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean jvmOs = ManagementFactory.getOperatingSystemMXBean();

    private final JvmResourceReader fallback = new JvmResourceReader();
    private SystemInfo system;
    private volatile boolean oshiWorks = true;
    private long[] previousTicks;
    private long[][] previousCoreTicks;
    private OSProcess previousProcess;
    private volatile ResourceUsage latest;
    private long timer = -1;

    public ResourceSampler(WorkerPools pools, Vertx vertx, MonitoringConfig config,
            FileStore store, MeterRegistry registry) {
        this.pools = pools;
        this.vertx = vertx;
        this.config = config;
        this.storeRoot = store.root();
        bind(registry);
    }

    /** Takes the first sample on the start-up thread, so that readers always find one, then samples periodically. */
    void start(@Observes StartupEvent event) {
        try {
            system = new SystemInfo();
        } catch (Throwable e) {
            oshiUnavailable(e);
        }
        latest = sample();
        timer = vertx.setPeriodic(config.sampleInterval().toMillis(), id -> refresh());
        LOG.infof("resource sampler started: interval=%s first_sample_ms=%.1f",
                config.sampleInterval(), latest.sampleDurationMillis());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** The most recent sample; at most one sample interval old. */
    public ResourceUsage latest() {
        return latest;
    }

    private void refresh() {
        if (!sampling.compareAndSet(false, true)) {
            return;
        }
        pools.onIo(this::sample)
                .subscribe()
                .with(usage -> {
                    latest = usage;
                    sampling.set(false);
                }, this::failed);
    }

    /** A busy io executor is no fault: the figures simply stay one interval older. */
    private void failed(Throwable failure) {
        if (failure instanceof ExecutorSaturatedException) {
            LOG.debugf("resource sample skipped: the io executor is saturated");
        } else {
            LOG.warnf("resource sample failed, keeping the previous one: %s", failure.getMessage());
        }
        sampling.set(false);
    }

    /** Blocking: reads /proc and /sys through OSHI. Synchronized because OSHI's tick bookkeeping is not shared-safe. */
    synchronized ResourceUsage sample() {
        if (oshiWorks) {
            try {
                return sampleWithOshi();
            } catch (LinkageError | RuntimeException e) {
                oshiUnavailable(e);
            }
        }
        return sampleWithJvm();
    }

    /**
     * OSHI reaches the OS through JNA; where that cannot work (a native image built without it, an unsupported
     * platform) the figures come from the JVM and /proc instead of failing. Said once, as it stays so.
     */
    private void oshiUnavailable(Throwable cause) {
        oshiWorks = false;
        LOG.warnf("OSHI is unavailable (%s); resource figures now come from the JVM and /proc, without per-core "
                + "load", cause.toString());
    }

    private ResourceUsage sampleWithJvm() {
        long started = System.nanoTime();
        ResourceUsage.Disk disk = disk(storeRoot);
        CgroupLimits container = CgroupLimits.read(CGROUP_ROOT);
        double millis = round((System.nanoTime() - started) / 1e6);
        return new ResourceUsage(Instant.now(), millis, fallback.cpu(), fallback.memory(), jvm(), fallback.process(),
                fallback.host(), disk, container);
    }

    private ResourceUsage sampleWithOshi() {
        long started = System.nanoTime();
        OperatingSystem os = system.getOperatingSystem();
        OSProcess process = os.getCurrentProcess();
        ResourceUsage.Cpu cpu = cpu(system.getHardware().getProcessor());
        ResourceUsage.Memory host = memory(system.getHardware().getMemory());
        ResourceUsage.Process self = process(process);
        ResourceUsage.Host machine = new ResourceUsage.Host(os.getProcessCount(), os.getSystemUptime());
        ResourceUsage.Disk disk = disk(storeRoot);
        CgroupLimits container = CgroupLimits.read(CGROUP_ROOT);
        previousProcess = process;

        double millis = round((System.nanoTime() - started) / 1e6);
        LOG.debugf("resource sample took %.2f ms", millis);
        return new ResourceUsage(Instant.now(), millis, cpu, host, jvm(), self, machine, disk, container);
    }

    private ResourceUsage.Cpu cpu(CentralProcessor cpu) {
        long[] ticks = cpu.getSystemCpuLoadTicks();
        long[][] coreTicks = cpu.getProcessorCpuLoadTicks();
        double host = previousTicks == null ? 0 : cpu.getSystemCpuLoadBetweenTicks(previousTicks);
        List<Double> cores = previousCoreTicks == null
                ? List.of()
                : Arrays.stream(cpu.getProcessorCpuLoadBetweenTicks(previousCoreTicks))
                        .map(ResourceSampler::percent)
                        .boxed()
                        .toList();
        previousTicks = ticks;
        previousCoreTicks = coreTicks;
        double[] load = cpu.getSystemLoadAverage(3);
        return new ResourceUsage.Cpu(percent(host), cores, cpu.getLogicalProcessorCount(),
                cpu.getPhysicalProcessorCount(), Runtime.getRuntime().availableProcessors(), round(load[0]),
                round(load[1]), round(load[2]));
    }

    private static ResourceUsage.Memory memory(GlobalMemory memory) {
        long total = memory.getTotal();
        long available = memory.getAvailable();
        long used = total - available;
        return new ResourceUsage.Memory(total, used, available, percent(total == 0 ? 0 : (double) used / total),
                memory.getVirtualMemory().getSwapTotal(), memory.getVirtualMemory().getSwapUsed());
    }

    private ResourceUsage.Jvm jvm() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        return new ResourceUsage.Jvm(heap.getUsed(), heap.getCommitted(), heap.getMax(), nonHeap.getUsed(),
                nonHeap.getCommitted(), nonHeap.getMax());
    }

    private ResourceUsage.Process process(OSProcess process) {
        double cpu = previousProcess == null ? 0
                : process.getProcessCpuLoadBetweenTicks(previousProcess) / Runtime.getRuntime().availableProcessors();
        long openFiles = -1;
        long maxFiles = -1;
        if (jvmOs instanceof UnixOperatingSystemMXBean unix) {
            openFiles = unix.getOpenFileDescriptorCount();
            maxFiles = unix.getMaxFileDescriptorCount();
        }
        return new ResourceUsage.Process(process.getProcessID(), process.getResidentSetSize(), percent(cpu),
                threads.getThreadCount(), threads.getDaemonThreadCount(), threads.getPeakThreadCount(), openFiles,
                maxFiles, ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    private static ResourceUsage.Disk disk(Path path) {
        try {
            java.nio.file.FileStore volume = Files.getFileStore(path);
            long total = volume.getTotalSpace();
            long free = volume.getUsableSpace();
            double used = total == 0 ? 0 : 1 - (double) free / total;
            return new ResourceUsage.Disk(path.toString(), total, free, percent(used));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the file store volume at " + path, e);
        }
    }

    private void bind(MeterRegistry registry) {
        Gauge.builder("sheet_ingest.store.free", this, sampler -> sampler.figure(u -> u.fileStore().freeBytes()))
                .description("Usable space on the file-store volume, as of the latest resource sample")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("sheet_ingest.store.total", this, sampler -> sampler.figure(u -> u.fileStore().totalBytes()))
                .description("Size of the file-store volume")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("sheet_ingest.host.memory.available", this,
                        sampler -> sampler.figure(u -> u.memory().availableBytes()))
                .description("Host memory available to new work, as of the latest resource sample")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("sheet_ingest.host.memory.total", this, sampler -> sampler.figure(u -> u.memory().totalBytes()))
                .description("Host physical memory")
                .baseUnit("bytes")
                .register(registry);
    }

    private double figure(ToLongFunction<ResourceUsage> read) {
        ResourceUsage usage = latest;
        return usage == null ? Double.NaN : read.applyAsLong(usage);
    }

    /** A 0-1 ratio as a percentage with two decimals. */
    private static double percent(double ratio) {
        return Math.round(ratio * 10_000) / 100.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
