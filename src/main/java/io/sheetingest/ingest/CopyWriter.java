package io.sheetingest.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sheetingest.dataset.ColumnType;
import io.sheetingest.dataset.Identifiers;
import io.vertx.core.json.JsonArray;

/**
 * Runs on the I/O executor: writes one job's rows with {@code COPY ... FROM STDIN} in a single transaction that
 * also creates or widens the dataset table and marks the job succeeded, so either all of it lands or none.
 *
 * <p>Jobs for the same dataset take a transaction-scoped advisory lock, so two files never alter one table at once.
 */
final class CopyWriter implements AutoCloseable {

    private static final TypeReference<List<ColumnSpec>> COLUMNS = new TypeReference<>() {
    };

    private final Connection connection;
    private final ObjectMapper json;
    private final String dataset;
    private final String table;
    private final Map<String, ColumnSpec> tableColumns = new LinkedHashMap<>();
    /** Columns this job added to the table, in the order it added them. */
    private final List<String> addedColumns = new ArrayList<>();
    private boolean tableExists;
    private boolean tableExistedBefore;
    private CopyIn copy;
    private List<String> copyColumns = List.of();
    private long rowsWritten;

    CopyWriter(DataSource dataSource, ObjectMapper json, String dataset) throws SQLException {
        this.connection = dataSource.getConnection();
        this.json = json;
        this.dataset = dataset;
        this.table = Identifiers.table(dataset);
        connection.setAutoCommit(false);
        lockAndLoad();
    }

    /** Writes a batch, first altering the table if the batch needs a column it lacks or a wider type. */
    void write(Batch batch) throws SQLException {
        boolean altered = reconcile(batch.columns());
        List<String> names = batch.columns().stream().map(ColumnSpec::name).toList();
        if (copy != null && (altered || !names.equals(copyColumns))) {
            endCopy();
        }
        if (copy == null) {
            startCopy(names);
        }
        copy.writeToCopy(batch.data(), 0, batch.data().length);
        rowsWritten += batch.rows();
    }

    /**
     * Finishes the COPY, replaces earlier rows when asked, records the dataset and file, marks the job succeeded
     * and commits.
     *
     * @throws LeaseLostException when the job no longer belongs to this replica; nothing is committed then
     * @throws JobCancelledException when someone cancelled the job meanwhile; nothing is committed then
     */
    void commit(Job job, String owner, FileStore.StoredFile file, BatchChannel.End end, JobProgress progress)
            throws SQLException {
        if (copy != null) {
            endCopy();
        }
        dropEmptyUnnamedColumns();
        long replaced = job.replace() ? replaceEarlierFiles(job) : 0;
        saveDataset(rowsWritten - replaced);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ingest.files "
                + "(job_id, dataset, file_name, sha256, size_bytes, row_count, loaded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, clock_timestamp())")) {
            insert.setObject(1, job.id());
            insert.setString(2, dataset);
            insert.setString(3, job.file());
            insert.setString(4, file.sha256());
            insert.setLong(5, file.size());
            insert.setLong(6, rowsWritten);
            insert.executeUpdate();
        }
        try (PreparedStatement done = connection.prepareStatement("UPDATE ingest.jobs SET status = 'succeeded', "
                + "finished_at = clock_timestamp(), owner = NULL, lease_until = NULL, sheet = ?, rows_read = ?, "
                + "rows_written = ?, warnings = ?, parse_ms = ?, write_ms = ?, sheets = ?::jsonb, "
                + "warning_details = ?::jsonb "
                + "WHERE id = ? AND owner = ? AND status = 'running' RETURNING cancel_requested")) {
            done.setString(1, end.sheet());
            done.setLong(2, progress.rowsRead());
            done.setLong(3, rowsWritten);
            done.setInt(4, progress.warnings());
            done.setLong(5, progress.parseMillis());
            done.setLong(6, progress.writeMillis());
            done.setString(7, sheetsJson(end.sheets()));
            JsonArray warnings = JobRepository.warningsJson(progress.warningDetails());
            done.setString(8, warnings == null ? null : warnings.encode());
            done.setObject(9, job.id());
            done.setString(10, owner);
            try (ResultSet rs = done.executeQuery()) {
                if (!rs.next()) {
                    throw new LeaseLostException(job.id());
                }
                if (rs.getBoolean(1)) {
                    progress.cancel();
                    throw new JobCancelledException();
                }
            }
        }
        connection.commit();
    }

    /**
     * Deletes the rows that earlier files of the same name, or with the same bytes (loaded with other read options),
     * brought into the dataset and marks their jobs superseded, so that uploading their bytes again creates a new job.
     *
     * @return how many rows were deleted
     */
    private long replaceEarlierFiles(Job job) throws SQLException {
        if (!tableExistedBefore) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE \"_job_id\" IN "
                + "(SELECT job_id FROM ingest.files WHERE dataset = ? AND (file_name = ? OR sha256 = ?))")) {
            delete.setString(1, dataset);
            delete.setString(2, job.file());
            delete.setString(3, job.sha256());
            long deleted = delete.executeUpdate();
            try (PreparedStatement supersede = connection.prepareStatement("UPDATE ingest.jobs SET superseded_by = ? "
                    + "WHERE id IN (SELECT job_id FROM ingest.files WHERE dataset = ? AND (file_name = ? OR sha256 = ?))");
                    PreparedStatement forget = connection.prepareStatement(
                            "DELETE FROM ingest.files WHERE dataset = ? AND (file_name = ? OR sha256 = ?)")) {
                supersede.setObject(1, job.id());
                supersede.setString(2, dataset);
                supersede.setString(3, job.file());
                supersede.setString(4, job.sha256());
                supersede.executeUpdate();
                forget.setString(1, dataset);
                forget.setString(2, job.file());
                forget.setString(3, job.sha256());
                forget.executeUpdate();
            }
            return deleted;
        }
    }

    /**
     * A column this job added that has neither a header nor any value (a blank spacer column, or the empty columns
     * left of a table that starts mid-sheet) carries nothing: it is dropped rather than kept as an all-NULL
     * {@code column_N}.
     */
    private void dropEmptyUnnamedColumns() throws SQLException {
        List<String> drops = new ArrayList<>();
        for (String name : addedColumns) {
            ColumnSpec column = tableColumns.get(name);
            if (column.type() == ColumnType.UNKNOWN && column.header().isBlank()) {
                drops.add(name);
            }
        }
        if (drops.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " " + drops.stream()
                    .map(name -> "DROP COLUMN " + Identifiers.quote(name))
                    .collect(Collectors.joining(", ")));
        }
        drops.forEach(tableColumns::remove);
    }

    private String sheetsJson(List<String> sheets) {
        if (sheets.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(sheets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise sheet names", e);
        }
    }

    long rowsWritten() {
        return rowsWritten;
    }

    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is being discarded; rollback below reports what matters
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // after a commit there is nothing to roll back; after a broken connection nothing can be
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool replaces a connection it cannot close cleanly
        }
    }

    private void lockAndLoad() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "sheet-ingest:dataset:" + dataset);
            lock.execute();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT columns::text FROM ingest.datasets WHERE name = ?")) {
            select.setString(1, dataset);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    tableExists = true;
                    tableExistedBefore = true;
                    for (ColumnSpec column : json.readValue(rs.getString(1), COLUMNS)) {
                        tableColumns.put(column.name(), column);
                    }
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("dataset " + dataset + " has unreadable column metadata", e);
            }
        }
    }

    private boolean reconcile(List<ColumnSpec> columns) throws SQLException {
        List<String> ddl = new ArrayList<>();
        if (!tableExists) {
            columns.forEach(c -> tableColumns.put(c.name(), c));
            columns.forEach(c -> addedColumns.add(c.name()));
            String definitions = columns.stream()
                    .map(c -> Identifiers.quote(c.name()) + " " + c.type().sql())
                    .collect(Collectors.joining(", "));
            ddl.add("CREATE TABLE " + table + " (" + definitions + (definitions.isEmpty() ? "" : ", ")
                    + "\"_job_id\" uuid NOT NULL, \"_source_row\" bigint NOT NULL)");
            tableExists = true;
        } else {
            for (ColumnSpec column : columns) {
                ColumnSpec existing = tableColumns.get(column.name());
                if (existing == null) {
                    tableColumns.put(column.name(), column);
                    addedColumns.add(column.name());
                    ddl.add("ALTER TABLE " + table + " ADD COLUMN " + Identifiers.quote(column.name()) + " "
                            + column.type().sql());
                    continue;
                }
                ColumnType widened = existing.type().widen(column.type());
                if (widened != existing.type()) {
                    tableColumns.put(column.name(), existing.withType(widened));
                    if (!widened.sql().equals(existing.type().sql())) {
                        String name = Identifiers.quote(column.name());
                        ddl.add("ALTER TABLE " + table + " ALTER COLUMN " + name + " TYPE " + widened.sql()
                                + " USING " + name + "::" + widened.sql());
                    }
                }
            }
        }
        if (ddl.isEmpty()) {
            return false;
        }
        if (copy != null) {
            endCopy();
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        return true;
    }

    private void startCopy(List<String> names) throws SQLException {
        String columns = names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String sql = "COPY " + table + " (" + columns + (columns.isEmpty() ? "" : ", ")
                + "\"_job_id\", \"_source_row\") FROM STDIN";
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        copyColumns = names;
    }

    private void endCopy() throws SQLException {
        copy.endCopy();
        copy = null;
    }

    private void saveDataset(long addedRows) throws SQLException {
        String columns;
        try {
            columns = json.writeValueAsString(new ArrayList<>(tableColumns.values()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise column metadata", e);
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ingest.datasets "
                + "(name, table_name, columns, row_count) VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (name) DO UPDATE "
                + "SET columns = EXCLUDED.columns, row_count = ingest.datasets.row_count + EXCLUDED.row_count, "
                + "updated_at = clock_timestamp()")) {
            upsert.setString(1, dataset);
            upsert.setString(2, dataset);
            upsert.setString(3, columns);
            upsert.setLong(4, addedRows);
            upsert.executeUpdate();
        }
    }

    /** The job's lease ran out and another replica may own it now: this attempt must not commit. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(UUID jobId) {
            super("job " + jobId + " is no longer owned by this replica; its rows were rolled back");
        }
    }
}
