package io.sheetingest.dataset;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One dataset: its table, columns with types, row count and the files that fed it.
 *
 * @param name      dataset name
 * @param table     the PostgreSQL table, schema-qualified
 * @param rowCount  rows loaded
 * @param columns   data columns in table order (lineage columns {@code _job_id}, {@code _source_row} not listed)
 * @param files     source files, oldest first
 * @param createdAt first load
 * @param updatedAt latest load
 */
@RegisterForReflection
public record DatasetDetail(String name, String table, long rowCount, List<Column> columns, List<SourceFile> files,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /**
     * A column.
     *
     * @param name   normalised column name
     * @param header header text as in the file
     * @param type   PostgreSQL type
     */
    @RegisterForReflection
    public record Column(String name, String header, String type) {
    }

    /**
     * A file loaded into the dataset.
     *
     * @param jobId     the job that loaded it
     * @param fileName  its name
     * @param sha256    its content hash
     * @param sizeBytes its size
     * @param rows      rows it contributed
     * @param loadedAt  when its job committed
     */
    @RegisterForReflection
    public record SourceFile(UUID jobId, String fileName, String sha256, long sizeBytes, long rows,
            OffsetDateTime loadedAt) {
    }
}
