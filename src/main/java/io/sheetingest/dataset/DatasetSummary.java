package io.sheetingest.dataset;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A dataset in the list.
 *
 * @param name      dataset name, also its table in schema {@code datasets}
 * @param rowCount  rows loaded by all its jobs
 * @param columns   number of data columns
 * @param createdAt first load
 * @param updatedAt latest load
 */
@RegisterForReflection
public record DatasetSummary(String name, long rowCount, int columns, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
