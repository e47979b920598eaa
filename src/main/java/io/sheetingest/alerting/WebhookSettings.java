package io.sheetingest.alerting;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhook's settings, checked.
 *
 * @param url         the receiver
 * @param timeout     how long one POST may take
 * @param maxAttempts POSTs of one notification before it is dropped
 * @param backoff     wait before the first retry, doubled on each further one
 * @param maxBackoff  longest wait between retries
 * @param outbox      notifications kept while the receiver is unreachable
 */
public record WebhookSettings(URI url, Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff,
        int outbox) {

    /**
     * The configured webhook; empty when {@code ALERT_WEBHOOK_URL} is unset or blank.
     *
     * @throws IllegalArgumentException naming the variable of a bad setting
     */
    public static Optional<WebhookSettings> from(AlertingConfig.Webhook config) {
        Optional<String> url = config.url().map(String::trim).filter(value -> !value.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        WebhookSettings settings = new WebhookSettings(uri(url.get()), config.timeout(), config.maxAttempts(),
                config.backoff(), config.maxBackoff(), config.outbox());
        settings.check();
        return Optional.of(settings);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoffBefore(int retry) {
        long millis = backoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private void check() {
        require(timeout.toMillis() > 0, "ALERT_WEBHOOK_TIMEOUT", timeout, "must be positive");
        require(maxAttempts >= 1, "ALERT_WEBHOOK_MAX_ATTEMPTS", maxAttempts, "must be at least 1");
        require(backoff.toMillis() > 0, "ALERT_WEBHOOK_BACKOFF", backoff, "must be positive");
        require(maxBackoff.compareTo(backoff) >= 0, "ALERT_WEBHOOK_MAX_BACKOFF", maxBackoff,
                "must be at least ALERT_WEBHOOK_BACKOFF");
        require(outbox >= 1, "ALERT_WEBHOOK_OUTBOX", outbox, "must be at least 1");
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            require(http && uri.getHost() != null, "ALERT_WEBHOOK_URL", text, "is not an http(s) URL with a host");
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_URL='" + text + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String variable, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(variable + "='" + value + "' " + expected);
        }
    }
}
