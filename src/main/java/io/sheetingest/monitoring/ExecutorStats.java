package io.sheetingest.monitoring;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sheetingest.executor.ExecutorFigures;

/**
 * Everything that runs work in this process: the two managed executors, Quarkus' worker pool and the event loops.
 *
 * @param executors         the cpu and io executors
 * @param quarkusWorkerPool the pool behind {@code @Blocking} endpoints and health checks
 * @param eventLoop         the Vert.x event loops
 */
@RegisterForReflection
public record ExecutorStats(List<ExecutorFigures> executors, WorkerPoolFigures quarkusWorkerPool,
        EventLoopFigures eventLoop) {

    /**
     * Quarkus' own worker pool, as its Vert.x pool meters count it.
     *
     * @param name           the pool's name
     * @param maxSize        the most tasks it runs at once ({@code quarkus.thread-pool.max-threads})
     * @param activeTasks    tasks running now
     * @param queuedTasks    tasks waiting for a thread
     * @param completedTasks tasks finished since start
     * @param rejectedTasks  submissions refused
     */
    public record WorkerPoolFigures(String name, long maxSize, long activeTasks, long queuedTasks,
            long completedTasks, long rejectedTasks) {
    }

    /**
     * The event loops and the lag probe's view of them.
     *
     * @param loops             event-loop threads
     * @param pendingTasks      tasks queued on each loop, in loop order
     * @param lagMillis         current lag of the probed loop
     * @param maxLagMillis      largest lag since start
     * @param stalledMillis     how long it has been late beyond the threshold
     * @param lagThresholdMillis lag that counts as stalled
     * @param probeThread       the loop the probe runs on
     */
    public record EventLoopFigures(int loops, List<Integer> pendingTasks, long lagMillis, long maxLagMillis,
            long stalledMillis, long lagThresholdMillis, String probeThread) {
    }
}
