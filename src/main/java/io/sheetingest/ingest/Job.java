package io.sheetingest.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sheetingest.problem.Problem;

/**
 * An ingestion job as the API shows it.
 *
 * @param id           job id
 * @param dataset      target dataset
 * @param file         the uploaded file's name
 * @param sha256       hex SHA-256 of the file
 * @param sizeBytes    file size
 * @param format       detected format
 * @param sheet        requested sheet, or the sheet that was read
 * @param sheets       every sheet of the workbook, once read: the ones not ingested can be asked for with {@code sheet}
 * @param headerRow    requested 1-based header row; absent when the reader finds it
 * @param encoding     the character set the uploader declared for a CSV file; absent when it was detected
 * @param columnTypes  column types the uploader declared, by column; the others are inferred
 * @param status       queued, running, succeeded, failed or cancelled
 * @param replace      the rows of earlier files of the same name in the dataset are replaced by this one's
 * @param source       where the file came from: {@code upload}, {@code inbox:<path>} or {@code sample:<path>}
 * @param attempts     how often the job was claimed
 * @param rowsRead     data rows parsed so far
 * @param rowsWritten  rows sent to PostgreSQL so far (visible to others only once the job succeeds)
 * @param warnings     how many warnings the job raised: error cells read as NULL, CSV lines of another width
 * @param warningDetails the first 20 warnings with their rows
 * @param parseMillis  time the successful attempt spent parsing (overlapping the write)
 * @param writeMillis  time the successful attempt spent in COPY
 * @param error        why the job failed
 * @param createdAt    when it was queued
 * @param startedAt    when the current attempt started
 * @param finishedAt   when it succeeded, failed or was cancelled
 * @param supersededBy the job whose {@code replace=true} upload replaced this job's rows; absent while they stand
 * @param history      every attempt, oldest first (single-job view only)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(
        UUID id,
        String dataset,
        String file,
        String sha256,
        long sizeBytes,
        String format,
        String sheet,
        List<String> sheets,
        Integer headerRow,
        String encoding,
        Map<String, String> columnTypes,
        JobStatus status,
        boolean replace,
        String source,
        int attempts,
        long rowsRead,
        long rowsWritten,
        int warnings,
        List<JobWarning> warningDetails,
        Long parseMillis,
        Long writeMillis,
        Problem error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        UUID supersededBy,
        List<JobAttempt> history) {

    public Job withProgress(JobProgress progress) {
        return new Job(id, dataset, file, sha256, sizeBytes, format, sheet, sheets, headerRow, encoding, columnTypes,
                status, replace, source, attempts, progress.rowsRead(), progress.rowsWritten(), progress.warnings(),
                nullIfEmpty(progress.warningDetails()), parseMillis, writeMillis, error, createdAt, startedAt,
                finishedAt, supersededBy, history);
    }

    public Job withHistory(List<JobAttempt> attemptList) {
        return new Job(id, dataset, file, sha256, sizeBytes, format, sheet, sheets, headerRow, encoding, columnTypes,
                status, replace, source, attempts, rowsRead, rowsWritten, warnings, warningDetails, parseMillis,
                writeMillis, error, createdAt, startedAt, finishedAt, supersededBy, attemptList);
    }

    private static List<JobWarning> nullIfEmpty(List<JobWarning> list) {
        return list.isEmpty() ? null : list;
    }
}
