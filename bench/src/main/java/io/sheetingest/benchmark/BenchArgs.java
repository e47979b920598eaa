package io.sheetingest.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the bench client, {@code --name value} pairs. */
record BenchArgs(Map<String, String> options) {

    static BenchArgs parse(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchArgs(options);
    }

    String api() {
        return required("api");
    }

    String token() {
        try {
            return Files.readString(Path.of(required("token-file"))).trim();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the token file", e);
        }
    }

    Path file() {
        String file = options.get("file");
        return file == null ? null : Path.of(file);
    }

    String dataset() {
        return required("dataset");
    }

    String label() {
        return required("label");
    }

    long pid() {
        return Long.parseLong(required("pid"));
    }

    int rate() {
        return Integer.parseInt(options.getOrDefault("rate", "200"));
    }

    int idleSeconds() {
        return Integer.parseInt(options.getOrDefault("idle-seconds", "10"));
    }

    int timeoutSeconds() {
        return Integer.parseInt(options.getOrDefault("timeout-seconds", "600"));
    }

    String scrapeUrl() {
        return options.get("scrape-url");
    }

    Duration scrapeEvery() {
        return Duration.ofSeconds(Long.parseLong(options.getOrDefault("scrape-seconds", "5")));
    }

    Path serviceLog() {
        String log = options.get("service-log");
        return log == null ? null : Path.of(log);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
