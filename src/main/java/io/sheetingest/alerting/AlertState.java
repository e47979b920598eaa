package io.sheetingest.alerting;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where one level of a rule stands; the ordinal is the value of the {@code sheet_ingest_alert_state} gauge. */
public enum AlertState {

    /** Below the threshold, or back below it by the recovery margin. */
    OK,

    /** At or above the threshold for fewer consecutive samples than the rule's {@code for}. */
    PENDING,

    /** At or above the threshold for at least {@code for} consecutive samples. */
    FIRING;

    /** The lowercase label used in JSON and logs. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
