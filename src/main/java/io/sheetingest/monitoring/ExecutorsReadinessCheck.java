package io.sheetingest.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.sheetingest.executor.ExecutorFigures;
import io.sheetingest.executor.WorkerPools;

/** DOWN once the executors stop accepting work, which happens when the service shuts down. */
@Readiness
@ApplicationScoped
public class ExecutorsReadinessCheck implements HealthCheck {

    private final WorkerPools pools;

    public ExecutorsReadinessCheck(WorkerPools pools) {
        this.pools = pools;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("executors-accepting");
        for (ExecutorFigures figures : pools.figures()) {
            response.withData(figures.name() + "_accepting", !figures.shuttingDown())
                    .withData(figures.name() + "_queued", figures.queuedTasks())
                    .withData(figures.name() + "_queue_capacity", figures.queueCapacity());
        }
        return response.status(pools.accepting()).build();
    }
}
