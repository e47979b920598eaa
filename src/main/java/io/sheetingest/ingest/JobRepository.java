package io.sheetingest.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The job queue in PostgreSQL, over the reactive client: runs on the event loop and never blocks it. Every state
 * change of a running job is guarded by its owner, so a replica that lost its lease cannot overwrite another's work.
 */
@ApplicationScoped
public class JobRepository {

    /** Channel on which new or re-queued jobs are announced to every replica. */
    public static final String CHANNEL = "sheet_ingest_jobs";

    private static final String COLUMNS = "id, dataset, file_name, sha256, size_bytes, format, sheet, sheets, "
            + "header_row, encoding, column_types, status, "
            + "replace_rows, source, attempts, rows_read, rows_written, warnings, warning_details, parse_ms, "
            + "write_ms, error, "
            + "created_at, started_at, finished_at, superseded_by";
    private static final String LIVE = "status IN ('queued', 'running', 'succeeded') AND superseded_by IS NULL";

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records a queued job unless the same bytes already feed the same dataset with the same read options; durable
     * once the Uni completes.
     *
     * @return the new job, or the existing one with {@code created = false}
     * @throws ProblemException 409 when the same bytes feed the dataset with other read options and the upload does
     *         not ask to replace them: loading them twice would double their rows
     */
    public Uni<Submitted> insert(NewJob job) {
        // Uploads of the same bytes into the same dataset take turns, so that the check for a load with other
        // options and the insert are one step: two such uploads arriving together cannot both get in.
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                        .execute(Tuple.of("sheet-ingest:upload:" + job.dataset() + ":" + job.file().sha256()))
                        .chain(locked -> job.replace() ? Uni.createFrom().voidItem()
                                : refuseOtherOptions(connection, job))
                        .chain(checked -> insertNew(connection, job)))
                .call(submitted -> submitted.created() ? notifyQueued() : Uni.createFrom().voidItem());
    }

    private Uni<Void> refuseOtherOptions(SqlConnection connection, NewJob job) {
        return connection.preparedQuery("SELECT options_key, " + COLUMNS + " FROM ingest.jobs WHERE dataset = $1 "
                        + "AND sha256 = $2 AND " + LIVE + " AND options_key <> $3 ORDER BY created_at DESC LIMIT 1")
                .execute(Tuple.of(job.dataset(), job.file().sha256(), job.optionsKey()))
                .map(rows -> {
                    if (rows.rowCount() > 0) {
                        Row row = rows.iterator().next();
                        Job other = toJob(row);
                        String theirs = row.getString("options_key").isEmpty() ? "no read options (all detected)"
                                : options(other.sheet(), other.headerRow(), other.encoding(), other.columnTypes());
                        throw new ProblemException(ProblemType.CONFLICT, "Job " + other.id() + " already loads "
                                + "these bytes into dataset '" + job.dataset() + "' with " + theirs
                                + "; upload them with replace=true to load them with " + options(job)
                                + " instead, replacing that job's rows");
                    }
                    return null;
                });
    }

    private static String options(NewJob job) {
        return options(job.sheet(), job.headerRow(), job.encoding(), job.columnTypes());
    }

    private static String options(String sheet, Integer headerRow, String encoding, Map<String, String> types) {
        List<String> given = new ArrayList<>();
        if (sheet != null) {
            given.add("sheet '" + sheet + "'");
        }
        if (headerRow != null) {
            given.add("headerRow " + headerRow);
        }
        if (encoding != null) {
            given.add("encoding " + encoding);
        }
        if (types != null && !types.isEmpty()) {
            given.add("columnTypes " + types.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return given.isEmpty() ? "no read options (all detected)" : String.join(", ", given);
    }

    private Uni<Submitted> insertNew(SqlConnection connection, NewJob job) {
        return connection.preparedQuery("INSERT INTO ingest.jobs (id, dataset, file_name, sha256, size_bytes, format, sheet, "
                        + "header_row, encoding, column_types, replace_rows, source, options_key, status) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'queued') "
                        + "ON CONFLICT (dataset, sha256, options_key) WHERE " + LIVE + " DO NOTHING RETURNING "
                        + COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(UUID.randomUUID())
                        .addString(job.dataset())
                        .addString(job.fileName())
                        .addString(job.file().sha256())
                        .addLong(job.file().size())
                        .addString(job.format().name().toLowerCase(Locale.ROOT))
                        .addString(job.sheet())
                        .addInteger(job.headerRow())
                        .addString(job.encoding())
                        .addValue(job.columnTypes() == null ? null : new JsonObject(new LinkedHashMap<>(
                                job.columnTypes())))
                        .addBoolean(job.replace())
                        .addString(job.source())
                        .addString(job.optionsKey()))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(new Submitted(toJob(rows.iterator().next()), true));
                    }
                    return connection.preparedQuery("SELECT " + COLUMNS + " FROM ingest.jobs WHERE dataset = $1 "
                                    + "AND sha256 = $2 AND options_key = $3 AND " + LIVE)
                            .execute(Tuple.of(job.dataset(), job.file().sha256(), job.optionsKey()))
                            .map(existing -> new Submitted(firstOrNull(existing), false));
                });
    }

    public Uni<Job> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ingest.jobs WHERE id = $1")
                .execute(Tuple.of(id))
                .map(JobRepository::firstOrNull);
    }

    /** Every attempt of a job, oldest first. */
    public Uni<List<JobAttempt>> attempts(UUID id) {
        return pool.preparedQuery("SELECT attempt, owner, started_at, finished_at, outcome, error "
                        + "FROM ingest.job_attempts WHERE job_id = $1 ORDER BY attempt")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<JobAttempt> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new JobAttempt(row.getInteger("attempt"), row.getString("owner"),
                            row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"),
                            row.getString("outcome"), problem(row.getJsonObject("error")))));
                    return out;
                });
    }

    /**
     * Jobs newest first, optionally filtered, after the job {@code after} (keyset pagination).
     *
     * @param status  only jobs in this status, or null
     * @param dataset only jobs for this dataset, or null
     * @param after   the last job of the previous page, or null for the first page
     */
    public Uni<List<Job>> list(JobStatus status, String dataset, int limit, UUID after) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ingest.jobs WHERE ($1::text IS NULL OR status = $1) "
                        + "AND ($2::text IS NULL OR dataset = $2) AND ($3::uuid IS NULL OR (created_at, id) < "
                        + "(SELECT created_at, id FROM ingest.jobs WHERE id = $3)) "
                        + "ORDER BY created_at DESC, id DESC LIMIT $4")
                .execute(Tuple.of(status == null ? null : status.value(), dataset, after, limit))
                .map(rows -> {
                    List<Job> out = new ArrayList<>();
                    rows.forEach(row -> out.add(toJob(row)));
                    return out;
                });
    }

    /**
     * Claims the oldest job that is queued and due, or whose owner's lease ran out, and opens an attempt for it.
     * {@code SKIP LOCKED} lets several replicas claim from the same table without waiting on each other.
     *
     * @return the claimed job, or null when there is none
     */
    public Uni<Job> claim(String owner, Duration lease) {
        return pool.preparedQuery("WITH claimed AS (UPDATE ingest.jobs SET status = 'running', "
                        + "attempts = attempts + 1, owner = $1, lease_until = now() + make_interval(secs => $2), "
                        + "started_at = now(), rows_read = 0, rows_written = 0, warnings = 0, error = NULL "
                        + "WHERE id = (SELECT id FROM ingest.jobs WHERE (status = 'queued' AND (not_before IS NULL "
                        + "OR not_before <= now())) OR (status = 'running' AND lease_until < now()) "
                        + "ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING *), "
                        + "opened AS (INSERT INTO ingest.job_attempts (job_id, attempt, owner) "
                        + "SELECT id, attempts, owner FROM claimed) "
                        + "SELECT " + COLUMNS + " FROM claimed")
                .execute(Tuple.of(owner, (double) lease.toSeconds()))
                .map(JobRepository::firstOrNull);
    }

    /** Fails jobs whose lease ran out after their last allowed attempt, so that they are not claimed again. */
    public Uni<Integer> failExhausted(int maxAttempts) {
        Problem problem = Problem.of(ProblemType.INTERNAL,
                "The job was interrupted " + maxAttempts + " times (its replica stopped or lost its lease)");
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'failed', finished_at = now(), owner = NULL, "
                        + "lease_until = NULL, error = $2 WHERE status = 'running' AND lease_until < now() "
                        + "AND attempts >= $1")
                .execute(Tuple.of(maxAttempts, JsonObject.mapFrom(problem)))
                .map(RowSet::rowCount);
    }

    /**
     * Extends the lease of every job this replica runs.
     *
     * @return the ids of those jobs that someone asked to cancel meanwhile
     */
    public Uni<List<UUID>> renew(String owner, Duration lease) {
        return pool.preparedQuery("UPDATE ingest.jobs SET lease_until = now() + make_interval(secs => $2) "
                        + "WHERE owner = $1 AND status = 'running' RETURNING id, cancel_requested")
                .execute(Tuple.of(owner, (double) lease.toSeconds()))
                .map(rows -> {
                    List<UUID> cancelled = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row.getBoolean("cancel_requested")) {
                            cancelled.add(row.getUUID("id"));
                        }
                    });
                    return cancelled;
                });
    }

    /** Publishes a running job's counters so that every replica's API shows them. */
    public Uni<Void> progress(UUID id, String owner, JobProgress progress) {
        return pool.preparedQuery("UPDATE ingest.jobs SET rows_read = $3, rows_written = $4, warnings = $5 "
                        + "WHERE id = $1 AND owner = $2 AND status = 'running'")
                .execute(Tuple.of(id, owner, progress.rowsRead(), progress.rowsWritten(), progress.warnings()))
                .replaceWithVoid();
    }

    /** Marks a job this replica owns as failed (or cancelled) with the problem that stopped it. */
    public Uni<Void> finish(UUID id, String owner, JobStatus status, Problem problem, JobProgress progress) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = $3, finished_at = now(), owner = NULL, "
                        + "lease_until = NULL, error = $4, rows_read = $5, warnings = $6, rows_written = 0, "
                        + "warning_details = $7 WHERE id = $1 AND owner = $2")
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(owner)
                        .addString(status.value())
                        .addValue(problem == null ? null : JsonObject.mapFrom(problem))
                        .addLong(progress.rowsRead())
                        .addInteger(progress.warnings())
                        .addValue(warningsJson(progress.warningDetails())))
                .replaceWithVoid();
    }

    /** Puts one job of this replica back in the queue, due again after {@code delay}. */
    public Uni<Void> requeue(UUID id, String owner, Duration delay) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'queued', owner = NULL, lease_until = NULL, "
                        + "not_before = now() + make_interval(secs => $3) "
                        + "WHERE id = $1 AND owner = $2 AND status = 'running'")
                .execute(Tuple.of(id, owner, delay.toMillis() / 1000.0))
                .chain(ignored -> notifyQueued());
    }

    /** Puts this replica's unfinished jobs back in the queue, e.g. at shutdown. */
    public Uni<Integer> release(String owner) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'queued', owner = NULL, lease_until = NULL "
                        + "WHERE owner = $1 AND status = 'running'")
                .execute(Tuple.of(owner))
                .map(RowSet::rowCount);
    }

    /** Closes an attempt with its outcome. */
    public Uni<Void> closeAttempt(UUID id, int attempt, String outcome, Problem problem) {
        return pool.preparedQuery("UPDATE ingest.job_attempts SET finished_at = now(), outcome = $3, error = $4 "
                        + "WHERE job_id = $1 AND attempt = $2")
                .execute(Tuple.of(id, attempt, outcome, problem == null ? null : JsonObject.mapFrom(problem)))
                .replaceWithVoid();
    }

    /**
     * Cancels a job: a queued one at once, a running one by flagging it for its owner, who rolls back.
     *
     * @return the job after the change and whether anything changed; null when there is no such job
     */
    public Uni<Cancellation> cancel(UUID id) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = CASE WHEN status = 'queued' THEN 'cancelled' "
                        + "ELSE status END, finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END, "
                        + "cancel_requested = (status = 'running') WHERE id = $1 AND status IN ('queued', 'running') "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(id))
                .chain(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().item(new Cancellation(toJob(rows.iterator().next()), true))
                        : find(id).map(job -> job == null ? null : new Cancellation(job, false)));
    }

    private Uni<Void> notifyQueued() {
        return pool.query("SELECT pg_notify('" + CHANNEL + "', 'queued')")
                .execute()
                .replaceWithVoid();
    }

    private static Job firstOrNull(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? null : toJob(rows.iterator().next());
    }

    static Job toJob(Row row) {
        return new Job(
                row.getUUID("id"),
                row.getString("dataset"),
                row.getString("file_name"),
                row.getString("sha256"),
                row.getLong("size_bytes"),
                row.getString("format"),
                row.getString("sheet"),
                sheets(row.getJsonArray("sheets")),
                row.getInteger("header_row"),
                row.getString("encoding"),
                columnTypes(row.getJsonObject("column_types")),
                JobStatus.of(row.getString("status")),
                row.getBoolean("replace_rows"),
                row.getString("source"),
                row.getInteger("attempts"),
                row.getLong("rows_read"),
                row.getLong("rows_written"),
                row.getInteger("warnings"),
                warnings(row.getJsonArray("warning_details")),
                row.getLong("parse_ms"),
                row.getLong("write_ms"),
                problem(row.getJsonObject("error")),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"),
                row.getUUID("superseded_by"),
                null);
    }

    private static List<String> sheets(JsonArray names) {
        if (names == null) {
            return null;
        }
        List<String> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(names.getString(i));
        }
        return out;
    }

    /** The kept warnings as JSON, null when there are none. */
    static JsonArray warningsJson(List<JobWarning> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        JsonArray list = new JsonArray();
        warnings.forEach(w -> list.add(new JsonObject().put("row", w.row()).put("message", w.message())));
        return list;
    }

    private static Map<String, String> columnTypes(JsonObject json) {
        if (json == null) {
            return null;
        }
        Map<String, String> types = new LinkedHashMap<>();
        json.forEach(entry -> types.put(entry.getKey(), String.valueOf(entry.getValue())));
        return types;
    }

    private static List<JobWarning> warnings(JsonArray list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<JobWarning> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonObject warning = list.getJsonObject(i);
            out.add(new JobWarning(warning.getLong("row"), warning.getString("message")));
        }
        return out;
    }

    private static Problem problem(JsonObject json) {
        return json == null ? null : json.mapTo(Problem.class);
    }

    /**
     * What a caller asks to ingest.
     *
     * @param dataset  normalised dataset name
     * @param fileName the name the user knows the file by
     * @param file     the stored bytes
     * @param format   detected format
     * @param sheet    sheet to read, or null
     * @param headerRow 1-based header row, or null to detect it
     * @param encoding the declared character set of a CSV file, or null to detect it
     * @param columnTypes declared column types (column name or header to type name), or null
     * @param replace  replace rows of earlier files with the same name
     * @param source   where it came from
     */
    public record NewJob(String dataset, String fileName, FileStore.StoredFile file, SpreadsheetFormat format,
            String sheet, Integer headerRow, String encoding, Map<String, String> columnTypes, boolean replace,
            String source) {

        /**
         * What tells two ingestions of the same bytes apart: empty when every option is left to detection, else a
         * SHA-256 over the options, so that the unique index stays small whatever the column types.
         */
        String optionsKey() {
            if (sheet == null && headerRow == null && encoding == null && (columnTypes == null || columnTypes.isEmpty())) {
                return "";
            }
            // column names match regardless of case and order, so the key does not depend on them either
            TreeMap<String, String> types = new TreeMap<>();
            if (columnTypes != null) {
                columnTypes.forEach((column, type) -> types.put(column.trim().toLowerCase(Locale.ROOT), type));
            }
            String canonical = "sheet=" + sheet + "\nheaderRow=" + headerRow + "\nencoding=" + encoding
                    + "\ncolumnTypes=" + new JsonObject(new LinkedHashMap<>(types)).encode();
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /**
     * The outcome of a cancel request.
     *
     * @param job     the job after the request
     * @param changed false when the job had already finished
     */
    public record Cancellation(Job job, boolean changed) {
    }

    /**
     * The outcome of a submission.
     *
     * @param job     the job that holds these bytes for this dataset
     * @param created whether this submission created it
     */
    public record Submitted(Job job, boolean created) {
    }
}
