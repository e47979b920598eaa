package io.sheetingest.ingest;

import java.time.Duration;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.sheetingest.problem.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Job bookkeeping over the reactive client: runs on the event loop and never blocks it. */
@ApplicationScoped
public class JobRepository {

    private static final String COLUMNS = "id, dataset, file_name, sha256, size_bytes, format, sheet, status, "
            + "attempts, rows_read, rows_written, warnings, error, created_at, started_at, finished_at";

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a queued job; it is durable once the returned Uni completes. */
    public Uni<Job> insert(UUID id, String dataset, String fileName, FileStore.StoredFile stored,
            SpreadsheetFormat format, String sheet) {
        return pool.preparedQuery("INSERT INTO ingest.jobs (id, dataset, file_name, sha256, size_bytes, format, sheet, "
                        + "status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued') RETURNING " + COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(dataset)
                        .addString(fileName)
                        .addString(stored.sha256())
                        .addLong(stored.size())
                        .addString(format.name().toLowerCase())
                        .addString(sheet))
                .map(rows -> toJob(rows.iterator().next()));
    }

    public Uni<Job> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ingest.jobs WHERE id = $1")
                .execute(Tuple.of(id))
                .map(JobRepository::firstOrNull);
    }

    /**
     * Claims the oldest job that is queued, or whose owner's lease ran out, for this replica.
     * {@code SKIP LOCKED} lets several replicas claim from the same table without waiting on each other.
     *
     * @return the claimed job, or null when there is none
     */
    public Uni<Job> claim(String owner, Duration lease) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'running', attempts = attempts + 1, owner = $1, "
                        + "lease_until = now() + make_interval(secs => $2), started_at = now(), rows_read = 0, "
                        + "rows_written = 0, warnings = 0, error = NULL "
                        + "WHERE id = (SELECT id FROM ingest.jobs WHERE status = 'queued' "
                        + "OR (status = 'running' AND lease_until < now()) "
                        + "ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING " + COLUMNS)
                .execute(Tuple.of(owner, (double) lease.toSeconds()))
                .map(JobRepository::firstOrNull);
    }

    /** Fails jobs whose lease ran out after their last allowed attempt, so that they are not claimed again. */
    public Uni<Integer> failExhausted(int maxAttempts) {
        Problem problem = Problem.of(io.sheetingest.problem.ProblemType.INTERNAL,
                "The job was interrupted " + maxAttempts + " times (its replica stopped or lost its lease)");
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'failed', finished_at = now(), owner = NULL, "
                        + "lease_until = NULL, error = $2 WHERE status = 'running' AND lease_until < now() "
                        + "AND attempts >= $1")
                .execute(Tuple.of(maxAttempts, JsonObject.mapFrom(problem)))
                .map(RowSet::rowCount);
    }

    /** Extends the lease of every job this replica runs. */
    public Uni<Integer> renew(String owner, Duration lease) {
        return pool.preparedQuery("UPDATE ingest.jobs SET lease_until = now() + make_interval(secs => $2) "
                        + "WHERE owner = $1 AND status = 'running'")
                .execute(Tuple.of(owner, (double) lease.toSeconds()))
                .map(RowSet::rowCount);
    }

    /** Marks a job this replica owns as failed with the problem that stopped it. */
    public Uni<Void> fail(UUID id, String owner, Problem problem, JobProgress progress) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'failed', finished_at = now(), owner = NULL, "
                        + "lease_until = NULL, error = $3, rows_read = $4, warnings = $5, rows_written = 0 "
                        + "WHERE id = $1 AND owner = $2")
                .execute(Tuple.of(id, owner, JsonObject.mapFrom(problem), progress.rowsRead(), progress.warnings()))
                .replaceWithVoid();
    }

    /** Puts one job of this replica back in the queue for another attempt. */
    public Uni<Void> requeue(UUID id, String owner) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'queued', owner = NULL, lease_until = NULL "
                        + "WHERE id = $1 AND owner = $2 AND status = 'running'")
                .execute(Tuple.of(id, owner))
                .replaceWithVoid();
    }

    /** Puts this replica's unfinished jobs back in the queue, e.g. at shutdown. */
    public Uni<Integer> release(String owner) {
        return pool.preparedQuery("UPDATE ingest.jobs SET status = 'queued', owner = NULL, lease_until = NULL "
                        + "WHERE owner = $1 AND status = 'running'")
                .execute(Tuple.of(owner))
                .map(RowSet::rowCount);
    }

    private static Job firstOrNull(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? null : toJob(rows.iterator().next());
    }

    static Job toJob(Row row) {
        JsonObject error = row.getJsonObject("error");
        return new Job(
                row.getUUID("id"),
                row.getString("dataset"),
                row.getString("file_name"),
                row.getString("sha256"),
                row.getLong("size_bytes"),
                row.getString("format"),
                row.getString("sheet"),
                JobStatus.of(row.getString("status")),
                row.getInteger("attempts"),
                row.getLong("rows_read"),
                row.getLong("rows_written"),
                row.getInteger("warnings"),
                error == null ? null : error.mapTo(Problem.class),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"));
    }

}
