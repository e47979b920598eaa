package io.sheetingest.alerting;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a breached level is; each rule has one level of each. */
public enum AlertSeverity {

    /** Worth a look during working hours. */
    WARNING,

    /** Needs someone now: work is being refused or is about to be. */
    CRITICAL;

    /** The lowercase label used in metrics, logs and webhook payloads. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
