package io.sheetingest.alerting;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * POSTs each transition to the configured receiver, in order, one at a time, without blocking: a bounded outbox
 * holds what is not delivered yet (the oldest is dropped beyond it, so a dead receiver cannot grow memory), each
 * POST has a timeout, and a failed one is retried with exponential backoff up to the attempt limit. A failing
 * receiver is logged once when the outage starts and once when it ends.
 */
public class AlertWebhook {

    private static final Logger LOG = Logger.getLogger(AlertWebhook.class);

    private final Vertx vertx;
    private final WebClient client;
    private final WebhookSettings settings;
    private final String instance;
    private final Deque<JsonObject> outbox = new ArrayDeque<>();
    private final Counter delivered;
    private final Counter failed;
    private final Counter droppedFull;
    private final Counter droppedAttempts;
    private boolean sending;
    private boolean closed;
    private JsonObject current;
    private int attempts;
    private long outageFailures;
    private long outageDropped;

    public AlertWebhook(Vertx vertx, WebhookSettings settings, String instance, MeterRegistry registry) {
        this.vertx = vertx;
        this.settings = settings;
        this.instance = instance;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setUserAgent("sheet-ingest-alerting"));
        this.delivered = counter(registry, "delivered", "Notifications the receiver accepted");
        this.failed = counter(registry, "failed", "POSTs that failed: refused, timed out or answered non-2xx");
        this.droppedFull = dropped(registry, "outbox_full");
        this.droppedAttempts = dropped(registry, "attempts");
        Gauge.builder("sheet_ingest.alert.webhook.outbox", this, AlertWebhook::pending)
                .description("Notifications waiting for the webhook receiver")
                .register(registry);
    }

    /** Queues a notification of this transition and starts sending when idle; never blocks. */
    public void send(AlertTransition transition) {
        JsonObject body = AlertmanagerPayload.of(transition, instance);
        boolean start;
        synchronized (this) {
            if (outbox.size() == settings.outbox()) {
                outbox.removeFirst();
                droppedFull.increment();
                outageDropped++;
            }
            outbox.addLast(body);
            start = !sending;
            sending = true;
        }
        if (start) {
            post();
        }
    }

    /** Notifications not delivered yet. */
    public synchronized int pending() {
        return outbox.size();
    }

    /** Stops sending, retries included; what is left in the outbox is lost with the process. */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        client.close();
    }

    private void post() {
        JsonObject body;
        synchronized (this) {
            body = outbox.peekFirst();
            if (body == null || closed) {
                sending = false;
                return;
            }
            if (body != current) {
                current = body;
                attempts = 0;
            }
            attempts++;
        }
        client.postAbs(settings.url().toString())
                .timeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body.encode()), result -> done(body, result));
    }

    private void done(JsonObject body, AsyncResult<HttpResponse<Buffer>> result) {
        int status = result.succeeded() ? result.result().statusCode() : 0;
        if (status >= 200 && status < 300) {
            delivered(body);
            post();
            return;
        }
        failed.increment();
        String reason = result.succeeded() ? "HTTP " + status : String.valueOf(result.cause().getMessage());
        int retry = failedAttempt(body, reason);
        vertx.setTimer(settings.backoffBefore(retry).toMillis(), id -> post());
    }

    private synchronized void delivered(JsonObject body) {
        if (outbox.peekFirst() == body) {
            outbox.removeFirst();
        }
        delivered.increment();
        if (outageFailures > 0) {
            LOG.infof("alert webhook delivers again: url=%s failed_posts=%d dropped=%d", settings.url(),
                    outageFailures, outageDropped);
        }
        outageFailures = 0;
        outageDropped = 0;
    }

    /** @return the number of the retry that follows (1 for the first) */
    private synchronized int failedAttempt(JsonObject body, String reason) {
        if (outageFailures == 0) {
            LOG.warnf("alert webhook failing: url=%s reason=%s; notifications wait in the outbox (at most %d) and are "
                    + "retried up to %d times each; check the receiver", settings.url(), reason, settings.outbox(),
                    settings.maxAttempts());
        }
        outageFailures++;
        int retry = attempts;
        if (attempts >= settings.maxAttempts() && outbox.peekFirst() == body) {
            outbox.removeFirst();
            droppedAttempts.increment();
            outageDropped++;
        }
        return retry;
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("sheet_ingest.alert.webhook.posts")
                .description(description)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("sheet_ingest.alert.webhook.dropped")
                .description("Notifications given up: the outbox was full, or every attempt failed")
                .tag("reason", reason)
                .register(registry);
    }
}
