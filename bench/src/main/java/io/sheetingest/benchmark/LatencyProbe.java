package io.sheetingest.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends an authenticated GET at a fixed rate (an open model: the schedule never waits for answers) and records each
 * latency from the moment the request was due, so a stalled server shows up as latency rather than as fewer
 * requests (no coordinated omission).
 */
final class LatencyProbe {

    private static final int MAX_IN_FLIGHT = 400;

    private final HttpClient client;
    private final HttpRequest request;
    private final long periodNanos;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread pacer;
    private long[] latencies = new long[1 << 14];
    private int count;
    private volatile boolean running = true;

    LatencyProbe(HttpClient client, URI uri, String token, int ratePerSecond) {
        this.client = client;
        this.request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.pacer = new Thread(this::pace, "latency-probe");
        pacer.setDaemon(true);
    }

    void start() {
        pacer.start();
    }

    /** Stops sending and waits for the answers still due. */
    Summary stop() throws InterruptedException {
        running = false;
        pacer.join();
        inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
        synchronized (this) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Summary(count, errors.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    percentile(sorted, 0.999), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    private void pace() {
        long due = System.nanoTime();
        while (running) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            inFlight.acquireUninterruptibly();
            long sentFor = due;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> answered(sentFor, response, failure));
            due += periodNanos;
        }
    }

    private void answered(long due, HttpResponse<Void> response, Throwable failure) {
        long latency = System.nanoTime() - due;
        if (failure != null || response.statusCode() != 200) {
            errors.incrementAndGet();
        }
        synchronized (this) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }
        inFlight.release();
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Latencies in milliseconds. */
    record Summary(int requests, int errors, double p50, double p99, double p999, double max) {

        String json() {
            return String.format(java.util.Locale.ROOT,
                    "\"requests\":%d,\"errors\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f",
                    requests, errors, p50, p99, p999, max);
        }
    }
}
