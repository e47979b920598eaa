package io.sheetingest.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds the body Alertmanager POSTs to its webhook receivers (version 4), one alert per body, so that anything
 * that already takes Alertmanager notifications (chat bridges, incident tools) takes ours.
 */
public final class AlertmanagerPayload {

    /** Alertmanager's "no end yet" timestamp. */
    static final String NO_END = "0001-01-01T00:00:00Z";
    static final String RECEIVER = "sheet-ingest";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private AlertmanagerPayload() {
    }

    /** The body announcing one transition of this service instance. */
    public static JsonObject of(AlertTransition transition, String instance) {
        Map<String, String> labels = labels(transition, instance);
        JsonObject annotations = annotations(transition);
        String status = transition.firing() ? "firing" : "resolved";
        JsonObject alert = new JsonObject()
                .put("status", status)
                .put("labels", json(labels))
                .put("annotations", annotations)
                .put("startsAt", transition.firingSince().toString())
                .put("endsAt", transition.firing() ? NO_END : transition.at().toString())
                .put("generatorURL", "")
                .put("fingerprint", fingerprint(labels));
        return new JsonObject()
                .put("version", "4")
                .put("groupKey", "{}:{alertname=\"" + transition.alertname() + "\"}")
                .put("truncatedAlerts", 0)
                .put("status", status)
                .put("receiver", RECEIVER)
                .put("groupLabels", new JsonObject().put("alertname", transition.alertname()))
                .put("commonLabels", json(labels))
                .put("commonAnnotations", annotations.copy())
                .put("externalURL", "")
                .put("alerts", new JsonArray().add(alert));
    }

    private static Map<String, String> labels(AlertTransition transition, String instance) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("alertname", transition.alertname());
        labels.put("rule", transition.rule());
        labels.put("severity", transition.severity().label());
        labels.put("service", RECEIVER);
        labels.put("instance", instance);
        return labels;
    }

    private static JsonObject annotations(AlertTransition transition) {
        String summary = String.format("%s %s: %s at %s %s (threshold %s)", transition.rule(),
                transition.severity().label(), transition.firing() ? "firing" : "resolved",
                number(transition.value()), transition.unit(), number(transition.threshold()));
        return new JsonObject()
                .put("summary", summary)
                .put("description", "Look at: " + transition.hint())
                .put("value", number(transition.value()))
                .put("threshold", number(transition.threshold()))
                .put("unit", transition.unit());
    }

    /** Alertmanager's label-set fingerprint: FNV-1a 64 over sorted names and values, each followed by 0xff. */
    static String fingerprint(Map<String, String> sortedLabels) {
        long hash = FNV_OFFSET;
        for (Map.Entry<String, String> label : sortedLabels.entrySet()) {
            hash = fnv(hash, label.getKey());
            hash = fnv(hash, label.getValue());
        }
        return String.format("%016x", hash);
    }

    private static long fnv(long hash, String text) {
        long result = hash;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            result ^= b & 0xff;
            result *= FNV_PRIME;
        }
        result ^= 0xff;
        return result * FNV_PRIME;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static JsonObject json(Map<String, String> labels) {
        JsonObject json = new JsonObject();
        labels.forEach(json::put);
        return json;
    }
}
