package io.sheetingest.alerting;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.sheetingest.executor.ExecutorSaturatedException;
import io.sheetingest.executor.WorkerPools;
import io.vertx.core.Vertx;

/**
 * The resource monitor: every interval it reads a {@link MonitorSample} from memory, feeds it to the rules, and
 * for each level that starts firing or resolves writes one log line, counts it, and hands it to the webhook. Its
 * rules are built when the bean is created at start-up, so a bad threshold stops the service before it takes work.
 *
 * <p>A sample costs well under a millisecond, yet it runs on the I/O executor: the event loop only fires the timer,
 * so a starved host delays the monitor, never a request.
 */
@Startup
@ApplicationScoped
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class);

    private final AlertingConfig config;
    private final MonitorSampleReader reader;
    private final WorkerPools pools;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final AlertBoard board;
    private final Optional<AlertWebhook> webhook;
    private final Timer evaluationCpu;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicBoolean evaluating = new AtomicBoolean();
    private long timer = -1;

    public AlertMonitor(AlertingConfig config, MonitorSampleReader reader, WorkerPools pools, Vertx vertx,
            MeterRegistry registry) {
        this.config = config;
        this.reader = reader;
        this.pools = pools;
        this.vertx = vertx;
        this.registry = registry;
        List<AlertRule> rules = AlertRules.from(config);
        this.board = new AlertBoard(rules, config.history());
        this.webhook = WebhookSettings.from(config.webhook())
                .map(settings -> new AlertWebhook(vertx, settings, instance(), registry));
        this.evaluationCpu = Timer.builder("sheet_ingest.alert.evaluation.cpu")
                .description("CPU time the resource monitor spent per sample: reading the figures and the rules")
                .register(registry);
        rules.forEach(this::bind);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("resource monitor disabled (ALERT_MONITOR_ENABLED=false)");
            return;
        }
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> tick());
        LOG.infof("resource monitor started: interval=%s for_samples=%d webhook=%s", config.interval(),
                config.forSamples(), webhook.isPresent() ? "on" : "off");
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        webhook.ifPresent(AlertWebhook::close);
    }

    /** Every rule's state and the latest transitions. */
    public AlertsView view() {
        return board.view(config.enabled(), config.interval().toString(),
                evaluationCpu.mean(TimeUnit.MICROSECONDS));
    }

    /** Hands one sample to the I/O executor unless the previous one is still running. */
    private void tick() {
        if (!evaluating.compareAndSet(false, true)) {
            return;
        }
        pools.onIo(this::evaluate)
                .subscribe()
                .with(done -> evaluating.set(false), this::failed);
    }

    /** A busy I/O executor is no fault: the rules simply see the next sample. */
    private void failed(Throwable failure) {
        if (failure instanceof ExecutorSaturatedException) {
            LOG.debug("alert sample skipped: the io executor is saturated");
        } else {
            LOG.warnf(failure, "alert sample failed; the rules keep their state until the next one");
        }
        evaluating.set(false);
    }

    /** Samples, evaluates and announces once; the sample's CPU time excludes the announcements. */
    private boolean evaluate() {
        long started = threads.getCurrentThreadCpuTime();
        List<AlertTransition> transitions = board.evaluate(reader.read());
        evaluationCpu.record(threads.getCurrentThreadCpuTime() - started, TimeUnit.NANOSECONDS);
        transitions.forEach(this::announce);
        return true;
    }

    private void announce(AlertTransition transition) {
        if (transition.firing()) {
            LOG.warnf("alert firing: rule=%s severity=%s value=%s %s threshold=%s; look at: %s", transition.rule(),
                    transition.severity().label(), transition.value(), transition.unit(), transition.threshold(),
                    transition.hint());
        } else {
            LOG.infof("alert resolved: rule=%s severity=%s value=%s %s threshold=%s fired_for=%s",
                    transition.rule(), transition.severity().label(), transition.value(), transition.unit(),
                    transition.threshold(), Duration.between(transition.firingSince(), transition.at()));
        }
        Counter.builder("sheet_ingest.alert.transitions")
                .description("Alert levels that started firing or resolved")
                .tag("rule", transition.rule())
                .tag("severity", transition.severity().label())
                .tag("state", transition.firing() ? "firing" : "resolved")
                .register(registry)
                .increment();
        webhook.ifPresent(receiver -> receiver.send(transition));
    }

    private void bind(AlertRule rule) {
        for (AlertSeverity severity : AlertSeverity.values()) {
            Gauge.builder("sheet_ingest.alert.state", board, b -> b.state(rule.name(), severity).ordinal())
                    .description("Alert level state: 0 ok, 1 pending, 2 firing")
                    .tag("rule", rule.name())
                    .tag("severity", severity.label())
                    .register(registry);
            double threshold = severity == AlertSeverity.CRITICAL ? rule.critical() : rule.warning();
            Gauge.builder("sheet_ingest.alert.threshold", () -> threshold)
                    .description("Threshold of an alert level, in the rule's unit")
                    .tag("rule", rule.name())
                    .tag("severity", severity.label())
                    .register(registry);
        }
        Gauge.builder("sheet_ingest.alert.value", board, b -> b.value(rule.name()))
                .description("Latest value the resource monitor read for a rule, in the rule's unit")
                .tag("rule", rule.name())
                .register(registry);
    }

    /** Pod name in Kubernetes; the pid elsewhere, since looking up the host name may query DNS. */
    private static String instance() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "pid-" + ProcessHandle.current().pid() : host;
    }
}
