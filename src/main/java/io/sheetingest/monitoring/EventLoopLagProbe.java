package io.sheetingest.monitoring;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * A periodic timer on an event loop that measures how late it fires. A loop busy with work that belongs on a
 * worker thread fires late or not at all, which is what liveness and the lag meters report.
 */
@ApplicationScoped
public class EventLoopLagProbe {

    private static final Logger LOG = Logger.getLogger(EventLoopLagProbe.class);

    private final Vertx vertx;
    private final MonitoringConfig.Lag config;
    private final MeterRegistry registry;
    private volatile EventLoopLag lag;
    private volatile String thread = "";
    private long timer = -1;

    public EventLoopLagProbe(Vertx vertx, MonitoringConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.config = config.lag();
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        lag = new EventLoopLag(config.interval(), config.threshold(), System.nanoTime());
        Timer samples = Timer.builder("sheet_ingest.event_loop.lag.samples")
                .description("How late each tick of the event-loop lag probe fired")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("sheet_ingest.event_loop.lag", this, probe -> probe.currentLag().toNanos() / 1e9)
                .description("Current event-loop lag: the latest tick's delay, or how overdue the next tick is")
                .baseUnit("seconds")
                .register(registry);
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> {
            thread = Thread.currentThread().getName();
            samples.record(lag.tick(System.nanoTime()), TimeUnit.NANOSECONDS);
        });
        LOG.infof("event-loop lag probe started: interval=%s threshold=%s stall_timeout=%s",
                config.interval(), config.threshold(), config.stallTimeout());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** The latest tick's lag, or how overdue the next tick is when that is more. */
    public Duration currentLag() {
        EventLoopLag seen = lag;
        return seen == null ? Duration.ZERO : seen.currentLag(System.nanoTime());
    }

    /** Largest lag since start. */
    public Duration maxLag() {
        EventLoopLag seen = lag;
        return seen == null ? Duration.ZERO : seen.maxLag();
    }

    /** How long the loop has been late beyond the threshold without a break. */
    public Duration stalledFor() {
        EventLoopLag seen = lag;
        return seen == null ? Duration.ZERO : seen.stalledFor(System.nanoTime());
    }

    /** The loop has been stalled for at least the configured stall timeout. */
    public boolean stalled() {
        return stalledFor().compareTo(config.stallTimeout()) >= 0;
    }

    /** Name of the event-loop thread the probe runs on; empty before the first tick. */
    public String thread() {
        return thread;
    }

    public MonitoringConfig.Lag config() {
        return config;
    }
}
