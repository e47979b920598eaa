package io.sheetingest.monitoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.sheetingest.executor.ExecutorFigures;
import io.sheetingest.executor.WorkerPools;

/** DOWN when a managed executor has terminated or some of its threads are deadlocked: only a restart helps. */
@Liveness
@ApplicationScoped
public class ExecutorsLivenessCheck implements HealthCheck {

    private static final String THREAD_PREFIX = "sheet-ingest-";

    private final WorkerPools pools;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public ExecutorsLivenessCheck(WorkerPools pools) {
        this.pools = pools;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> deadlocked = deadlockedWorkers();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("executors-alive")
                .withData("deadlocked_threads", String.join(",", deadlocked));
        boolean up = deadlocked.isEmpty();
        for (ExecutorFigures figures : pools.figures()) {
            response.withData(figures.name() + "_threads_alive", figures.threadsAlive())
                    .withData(figures.name() + "_terminated", figures.terminated());
            up &= !figures.terminated();
        }
        return response.status(up).build();
    }

    private List<String> deadlockedWorkers() {
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        return Arrays.stream(threads.getThreadInfo(ids))
                .filter(info -> info != null && info.getThreadName().startsWith(THREAD_PREFIX))
                .map(ThreadInfo::getThreadName)
                .sorted()
                .toList();
    }
}
