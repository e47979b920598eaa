package io.sheetingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document. The location fields name where in an uploaded file the problem sits.
 *
 * @param type     stable identifier of the kind of problem, {@code urn:sheet-ingest:problem:<slug>}
 * @param title    short summary of the kind
 * @param status   HTTP status
 * @param detail   what went wrong this time, in words an uploader can act on
 * @param instance the request path or job that hit it
 * @param file     uploaded file name, where it applies
 * @param sheet    sheet name, where it applies
 * @param row      1-based row number in the sheet or CSV, where known
 * @param column   column letter or header, where known
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String file,
        String sheet,
        Long row,
        String column) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null);
    }

    public Problem withInstance(String value) {
        return new Problem(type, title, status, detail, value, file, sheet, row, column);
    }

    public Problem withFile(String value) {
        return new Problem(type, title, status, detail, instance, value, sheet, row, column);
    }

    /** Where in the file the problem sits; a row number below 1 (a reader that had not reached a row) is left out. */
    public Problem at(String sheetName, Long rowNumber, String columnName) {
        Long row = rowNumber == null || rowNumber < 1 ? null : rowNumber;
        return new Problem(type, title, status, detail, instance, file, sheetName, row, columnName);
    }
}
