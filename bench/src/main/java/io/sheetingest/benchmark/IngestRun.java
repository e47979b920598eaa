package io.sheetingest.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured ingestion through the service's API: upload, then poll the job until its rows are committed, while
 * the latency probe runs, the service's RSS is watched and, when asked, {@code /q/metrics} is scraped. Without a
 * file it measures the idle service for the same probe instead.
 */
final class IngestRun {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String BLOCKED = "has been blocked for";
    private static final long WARM_UP_MILLIS = 3000;

    private final BenchArgs args;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    IngestRun(BenchArgs args) {
        this.args = args;
    }

    /** Runs it and returns the result as one JSON object. */
    String run() throws Exception {
        warmUp();
        long logStart = logSize();
        RssWatcher rss = new RssWatcher(args.pid());
        LatencyProbe probe = new LatencyProbe(client, URI.create(args.api() + "/api/datasets"), args.token(),
                args.rate());
        Scraper scraper = args.scrapeUrl() == null ? null : new Scraper(client, URI.create(args.scrapeUrl()),
                args.scrapeEvery());
        probe.start();
        long started = System.nanoTime();
        String job = args.file() == null ? idle() : ingest();
        double seconds = (System.nanoTime() - started) / 1e9;
        LatencyProbe.Summary latency = probe.stop();
        int scrapes = scraper == null ? 0 : scraper.stop();
        double cpuSeconds = rss.cpuSeconds();
        double peakRss = rss.stop();
        long blocked = countBlockedWarnings(logStart);

        return String.format(Locale.ROOT, "{\"label\":\"%s\",\"seconds\":%.3f,\"cpu_seconds\":%.2f,"
                + "\"peak_rss_mb\":%.1f,\"blocked_warnings\":%d,\"scrapes\":%d,\"load_average\":%s,%s%s}",
                args.label(), seconds, cpuSeconds, peakRss, blocked, scrapes, loadAverage(), latency.json(), job);
    }

    /** A short unrecorded probe first, so that the client's own JIT and connection set-up stay out of the figures. */
    private void warmUp() throws InterruptedException {
        LatencyProbe probe = new LatencyProbe(client, URI.create(args.api() + "/api/datasets"), args.token(),
                args.rate());
        probe.start();
        Thread.sleep(WARM_UP_MILLIS);
        probe.stop();
    }

    private String idle() throws InterruptedException {
        Thread.sleep(args.idleSeconds() * 1000L);
        return "";
    }

    private String ingest() throws IOException, InterruptedException {
        String created = upload();
        Matcher id = ID.matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("upload answered without a job id: " + created);
        }
        URI jobUri = URI.create(args.api() + "/api/ingestions/" + id.group(1));
        HttpRequest poll = HttpRequest.newBuilder(jobUri)
                .header("Authorization", "Bearer " + args.token())
                .GET()
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(args.timeoutSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            String body = client.send(poll, HttpResponse.BodyHandlers.ofString()).body();
            Matcher status = STATUS.matcher(body);
            String state = status.find() ? status.group(1) : "unknown";
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                return ",\"status\":\"" + state + "\"," + figures(body);
            }
            Thread.sleep(50);
        }
        return ",\"status\":\"timeout\"";
    }

    private String upload() throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n" + args.dataset()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + args.file().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(args.api() + "/api/ingestions"))
                .header("Authorization", "Bearer " + args.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(args.file()),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String figures(String job) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {"rowsRead", "rowsWritten", "parseMillis", "writeMillis"}) {
            Matcher value = Pattern.compile("\"" + field + "\":(\\d+)").matcher(job);
            out.append(out.length() == 0 ? "" : ",")
                    .append('"').append(field).append("\":")
                    .append(value.find() ? value.group(1) : "null");
        }
        return out.toString();
    }

    /** The host's 1-minute load average at the end: how busy the shared machine was meanwhile. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private long logSize() throws IOException {
        return args.serviceLog() == null ? 0 : Files.size(args.serviceLog());
    }

    private long countBlockedWarnings(long from) throws IOException {
        if (args.serviceLog() == null) {
            return 0;
        }
        try (RandomAccessFile log = new RandomAccessFile(args.serviceLog().toFile(), "r")) {
            log.seek(from);
            byte[] rest = new byte[(int) Math.min(log.length() - from, 64L << 20)];
            log.readFully(rest);
            String text = new String(rest, StandardCharsets.UTF_8);
            return text.lines().filter(line -> line.contains(BLOCKED)).count();
        }
    }

    /** Scrapes like Prometheus would, on its own thread. */
    private static final class Scraper {

        private final Thread thread;
        private volatile boolean running = true;
        private int scrapes;
        private int failures;

        Scraper(HttpClient client, URI uri, Duration every) {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            thread = new Thread(() -> {
                while (running) {
                    try {
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                        scrapes++;
                        Thread.sleep(every.toMillis());
                    } catch (IOException e) {
                        failures++;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "metrics-scraper");
            thread.setDaemon(true);
            thread.start();
        }

        int stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            if (failures > 0) {
                System.err.printf("metrics scrapes failed: %d%n", failures);
            }
            return scrapes;
        }
    }
}
