package io.sheetingest.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sheetingest.problem.Problem;

/**
 * An ingestion job as the API shows it.
 *
 * @param id          job id
 * @param dataset     target dataset
 * @param file        the uploaded file's name
 * @param sha256      hex SHA-256 of the file
 * @param sizeBytes   file size
 * @param format      detected format
 * @param sheet       requested sheet, or the sheet that was read
 * @param status      queued, running, succeeded or failed
 * @param attempts    how often the job was claimed
 * @param rowsRead    data rows parsed so far
 * @param rowsWritten rows sent to PostgreSQL so far (visible to others only once the job succeeds)
 * @param warnings    cells read as NULL because they held an error value
 * @param error       why the job failed
 * @param createdAt   when it was queued
 * @param startedAt   when the current attempt started
 * @param finishedAt  when it succeeded or failed
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
        JobStatus status,
        int attempts,
        long rowsRead,
        long rowsWritten,
        int warnings,
        Problem error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    public Job withProgress(JobProgress progress) {
        return new Job(id, dataset, file, sha256, sizeBytes, format, sheet, status, attempts, progress.rowsRead(),
                progress.rowsWritten(), progress.warnings(), error, createdAt, startedAt, finishedAt);
    }
}
