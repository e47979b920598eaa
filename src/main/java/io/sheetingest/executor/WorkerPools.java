package io.sheetingest.executor;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The two managed executors and the only way the rest of the service reaches them.
 *
 * <p>{@link #onCpu(Supplier)} and {@link #onIo(Supplier)} run a task on a worker thread and deliver its result
 * back on the caller's Vert.x context, so resources and pipelines never touch a thread pool.
 */
@Startup
@ApplicationScoped
public class WorkerPools {

    private static final Logger LOG = Logger.getLogger(WorkerPools.class);

    private final ExecutorConfig config;
    private final WorkerPool cpu;
    private final WorkerPool io;

    public WorkerPools(ExecutorConfig config, MeterRegistry registry) {
        this.config = config;
        int cores = Runtime.getRuntime().availableProcessors();
        WorkerSizing cpuSize = WorkerSizing.resolve("CPU_EXECUTOR_WORKERS", config.cpu().workers(),
                WorkerSizing.cpuDefault(cores));
        WorkerSizing ioSize = WorkerSizing.resolve("IO_EXECUTOR_WORKERS", config.io().workers(),
                WorkerSizing.ioDefault(cores));
        this.cpu = new WorkerPool("cpu", cpuSize, config.cpu().queueCapacity(), config.retryAfter());
        this.io = new WorkerPool("io", ioSize, config.io().queueCapacity(), config.retryAfter());
        bind(registry, cpu);
        bind(registry, io);
        LOG.infof("executors started: cores=%d cpu=%d (%s) io=%d (%s)",
                cores, cpuSize.workers(), cpuSize.source(), ioSize.workers(), ioSize.source());
    }

    /** Runs CPU-heavy work (parsing, conversion) off the event loop. */
    public <T> Uni<T> onCpu(Supplier<T> task) {
        return on(cpu, task);
    }

    /** Runs blocking I/O (files, hashing, JDBC) off the event loop. */
    public <T> Uni<T> onIo(Supplier<T> task) {
        return on(io, task);
    }

    public WorkerPool cpu() {
        return cpu;
    }

    public WorkerPool io() {
        return io;
    }

    public List<ExecutorFigures> figures() {
        return List.of(cpu.figures(), io.figures());
    }

    /** Both executors are accepting work. */
    public boolean accepting() {
        return cpu.accepting() && io.accepting();
    }

    /**
     * Stops both executors gracefully; safe to call more than once. The dispatcher calls it at shutdown before it
     * puts unfinished jobs back, and the container calls it again when it destroys this bean.
     */
    @PreDestroy
    public void shutdown() {
        if (!cpu.accepting() && !io.accepting() && cpu.figures().terminated() && io.figures().terminated()) {
            return;
        }
        LOG.infof("executors shutting down: timeout=%s", config.shutdownTimeout());
        cpu.shutdown(config.shutdownTimeout());
        io.shutdown(config.shutdownTimeout());
    }

    private static <T> Uni<T> on(WorkerPool pool, Supplier<T> task) {
        AtomicReference<Future<?>> submitted = new AtomicReference<>();
        return Uni.createFrom()
                .<T>emitter(emitter -> {
                    Context context = Vertx.currentContext();
                    submitted.set(pool.submit(() -> {
                        try {
                            T result = task.get();
                            deliver(context, () -> emitter.complete(result));
                        } catch (Throwable failure) {
                            deliver(context, () -> emitter.fail(failure));
                        }
                    }));
                })
                .onCancellation()
                .invoke(() -> {
                    Future<?> future = submitted.get();
                    if (future != null) {
                        future.cancel(true);
                    }
                });
    }

    private static void deliver(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    private static void bind(MeterRegistry registry, WorkerPool pool) {
        Tags tags = Tags.of("name", pool.name());
        new ExecutorServiceMetrics(pool.executor(), pool.name(), Tags.empty()).bindTo(registry);
        FunctionCounter.builder("executor.rejected", pool, WorkerPool::rejectedCount)
                .description("Tasks refused because the executor's queue was full")
                .tags(tags)
                .register(registry);
        Gauge.builder("executor.longest.running", pool, p -> p.longestRunning().toNanos() / 1e9)
                .description("How long the oldest running task has been running")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
    }
}
