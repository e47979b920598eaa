package io.sheetingest.bench;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.sheetingest.executor.WorkerPools;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where the ingestion pipeline parses: always the CPU executor, except when a benchmark deliberately moves parsing
 * onto an event loop ({@link BenchConfig#parseOnEventLoop()} in bench mode) to measure the difference.
 */
@ApplicationScoped
public class ParsePlacement {

    private static final Logger LOG = Logger.getLogger(ParsePlacement.class);

    private final WorkerPools pools;
    private final Vertx vertx;
    private final boolean onEventLoop;

    public ParsePlacement(WorkerPools pools, Vertx vertx, BenchConfig config) {
        this.pools = pools;
        this.vertx = vertx;
        boolean benchMode = Boolean.getBoolean(BenchConfig.MODE_PROPERTY);
        this.onEventLoop = benchMode && config.parseOnEventLoop();
        if (onEventLoop) {
            LOG.warn("bench mode: spreadsheets are parsed on the event loop; never run a real service like this");
        } else if (config.parseOnEventLoop()) {
            LOG.warnf("sheet-ingest.bench.parse-on-event-loop ignored: it is honoured only with -D%s=true",
                    BenchConfig.MODE_PROPERTY);
        }
    }

    /** Runs a parse task on the CPU executor, or on an event loop in that bench mode. */
    public <T> Uni<T> parse(Supplier<T> task) {
        return onEventLoop ? onEventLoop(task) : pools.onCpu(task);
    }

    private <T> Uni<T> onEventLoop(Supplier<T> task) {
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom()
                .<T>emitter(emitter -> context.runOnContext(ignored -> {
                    try {
                        emitter.complete(task.get());
                    } catch (Throwable failure) {
                        emitter.fail(failure);
                    }
                }));
    }
}
