package io.sheetingest.monitoring;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.sheetingest.executor.WorkerPools;
import io.vertx.core.Vertx;

/**
 * Reads executor, worker-pool and event-loop figures. Every read is a counter or a queue size: safe on the event
 * loop.
 */
@ApplicationScoped
public class ExecutorStatsReader {

    /** The Vert.x worker pool that runs Quarkus' blocking work ({@code @Blocking}, health checks). */
    private static final String WORKER_POOL = "vert.x-worker-thread";

    private final WorkerPools pools;
    private final EventLoopLagProbe lag;
    private final Vertx vertx;
    private final VertxPoolMeters meters;

    public ExecutorStatsReader(WorkerPools pools, EventLoopLagProbe lag, Vertx vertx, VertxPoolMeters meters) {
        this.pools = pools;
        this.lag = lag;
        this.vertx = vertx;
        this.meters = meters;
    }

    public ExecutorStats read() {
        return new ExecutorStats(pools.figures(), quarkusWorkerPool(), eventLoop());
    }

    /** Vert.x counts a thread as idle when it could still take a task, so active plus idle is the maximum. */
    private ExecutorStats.WorkerPoolFigures quarkusWorkerPool() {
        long active = meters.gauge("worker", WORKER_POOL, "active");
        long idle = meters.gauge("worker", WORKER_POOL, "idle");
        return new ExecutorStats.WorkerPoolFigures(WORKER_POOL, active + idle, active,
                meters.gauge("worker", WORKER_POOL, "queue.size"), meters.count("worker", WORKER_POOL, "completed"),
                meters.count("worker", WORKER_POOL, "rejected"));
    }

    private ExecutorStats.EventLoopFigures eventLoop() {
        List<Integer> pending = new ArrayList<>();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            pending.add(loop instanceof SingleThreadEventExecutor single ? single.pendingTasks() : -1);
        }
        return new ExecutorStats.EventLoopFigures(pending.size(), pending, lag.currentLag().toMillis(),
                lag.maxLag().toMillis(), lag.stalledFor().toMillis(), lag.config().threshold().toMillis(),
                lag.thread());
    }
}
