package io.sheetingest.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a job is in its life: queued, then running, then succeeded or failed. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static JobStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
