package io.sheetingest.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something a job read but the uploader should check: an error cell read as NULL, a CSV line with more or fewer
 * fields than the header.
 *
 * @param row     1-based row of the sheet (line of a CSV file)
 * @param message what was found and what was done with it
 */
@RegisterForReflection
public record JobWarning(long row, String message) {
}
