package io.sheetingest.monitoring;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;

/**
 * DOWN as soon as shutdown begins, so that Kubernetes stops routing requests while running jobs finish. With
 * {@code quarkus.shutdown.delay-enabled} the flag flips when the delay starts, before anything stops.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    private volatile boolean shuttingDown;

    void delayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        shuttingDown = true;
    }

    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        shuttingDown = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("not-shutting-down")
                .status(!shuttingDown)
                .withData("shutting_down", shuttingDown)
                .build();
    }
}
