package io.sheetingest.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** DOWN once the event loop has been stalled beyond the lag threshold for the configured stall timeout. */
@Liveness
@ApplicationScoped
public class EventLoopLivenessCheck implements HealthCheck {

    private final EventLoopLagProbe probe;

    public EventLoopLivenessCheck(EventLoopLagProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-loop")
                .status(!probe.stalled())
                .withData("lag_ms", probe.currentLag().toMillis())
                .withData("max_lag_ms", probe.maxLag().toMillis())
                .withData("stalled_ms", probe.stalledFor().toMillis())
                .withData("threshold_ms", probe.config().threshold().toMillis())
                .withData("stall_timeout_ms", probe.config().stallTimeout().toMillis())
                .withData("thread", probe.thread())
                .build();
    }
}
