package io.sheetingest.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.sheetingest.dataset.Identifiers;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/** Turns a file on disk into a queued job (stored by hash, format checked, recorded) and follows jobs. */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final WorkerPools pools;
    private final FileStore store;
    private final JobRepository jobs;
    private final JobDispatcher dispatcher;

    public IngestionService(WorkerPools pools, FileStore store, JobRepository jobs, JobDispatcher dispatcher) {
        this.pools = pools;
        this.store = store;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues a file for ingestion, or finds the job that already holds the same bytes for the same dataset.
     *
     * @param request what to ingest and how
     */
    public Uni<JobRepository.Submitted> submit(Submission request) {
        String name = Identifiers.datasetName(request.dataset());
        return pools.onIo(() -> {
                    SpreadsheetFormat format = SpreadsheetFormat.detect(request.source(), request.fileName());
                    checkOptionsFit(request, format);
                    String encoding = format == SpreadsheetFormat.CSV ? request.encoding() : null;
                    store.ensureRoomFor(request.source());
                    return new Accepted(store.store(request.source(), request.move()), format, encoding);
                })
                .onFailure(ProblemException.class)
                .transform(e -> refused(request, name, (ProblemException) e))
                .chain(accepted -> jobs.insert(new JobRepository.NewJob(name, request.fileName(), accepted.file(),
                        accepted.format(), blankToNull(request.sheet()), request.headerRow(), accepted.encoding(),
                        request.columnTypes().isEmpty() ? null : request.columnTypes(), request.replace(),
                        request.origin())))
                .invoke(submitted -> {
                    Job job = submitted.job();
                    if (submitted.created()) {
                        LOG.infof("job=%s dataset=%s file=%s queued bytes=%d sha256=%s source=%s", job.id(),
                                job.dataset(), job.file(), job.sizeBytes(), job.sha256(), job.source());
                        dispatcher.wake();
                    } else {
                        LOG.debugf("job=%s dataset=%s file=%s already holds these bytes", job.id(), job.dataset(),
                                job.file());
                    }
                });
    }

    /** The job with its attempts, and its live counters when it runs in this replica; null when unknown. */
    public Uni<Job> find(UUID id) {
        return jobs.find(id)
                .chain(job -> job == null ? Uni.createFrom().nullItem() : jobs.attempts(id).map(job::withHistory))
                .map(job -> {
                    JobProgress progress = job == null ? null : dispatcher.progress(id);
                    return progress == null || job.status() != JobStatus.RUNNING ? job : job.withProgress(progress);
                });
    }

    public Uni<List<Job>> list(JobStatus status, String dataset, int limit, UUID after) {
        return jobs.list(status, dataset, limit, after);
    }

    /**
     * Cancels a queued or running job.
     *
     * @throws ProblemException 404 for an unknown job, 409 for one that has already finished
     */
    public Uni<Job> cancel(UUID id) {
        return jobs.cancel(id)
                .map(cancellation -> {
                    if (cancellation == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No ingestion job " + id);
                    }
                    Job job = cancellation.job();
                    if (!cancellation.changed()) {
                        throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " has already "
                                + job.status().value() + "; there is nothing to cancel");
                    }
                    if (job.status() == JobStatus.RUNNING) {
                        dispatcher.cancelLocal(id);
                    }
                    LOG.infof("job=%s dataset=%s file=%s %s", id, job.dataset(), job.file(),
                            job.status() == JobStatus.RUNNING
                                    ? "cancel requested while running"
                                    : "cancelled while queued");
                    return job;
                });
    }

    /** A file refused before it became a job: the problem names the file, and an operator sees one line. */
    private static ProblemException refused(Submission request, String dataset, ProblemException e) {
        LOG.infof("upload refused file=%s dataset=%s source=%s: %s", request.fileName(), dataset, request.origin(),
                e.problem().detail());
        return new ProblemException(e.problem().withFile(request.fileName()));
    }

    /**
     * An option an uploader gave that does not apply to the file's format is refused rather than silently ignored;
     * the inbox's CSV encoding applies to its CSV files only.
     */
    private static void checkOptionsFit(Submission request, SpreadsheetFormat format) {
        if (!"upload".equals(request.origin())) {
            return;
        }
        if (request.encoding() != null && format != SpreadsheetFormat.CSV) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "encoding applies to CSV files only; this file is "
                    + format.name().toLowerCase(Locale.ROOT) + ", whose text encoding is in the file");
        }
        if (request.sheet() != null && !request.sheet().isBlank() && format == SpreadsheetFormat.CSV) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "sheet applies to workbooks only; a CSV file has "
                    + "no sheets: leave sheet out");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A file to ingest.
     *
     * @param source   the file on disk
     * @param move     move it into the store (uploads) instead of copying it (inbox, samples)
     * @param fileName the name the user knows it by
     * @param dataset  requested dataset name, normalised here
     * @param sheet    sheet to read, or null for the first visible one
     * @param headerRow 1-based row holding the column names, or null to find it below any title rows
     * @param encoding the declared character set of a CSV file (a Java charset name), or null to detect it
     * @param columnTypes declared column types from {@link ColumnTypes#parse}, empty to infer every type
     * @param replace  replace the rows of earlier files of the same name
     * @param origin   {@code upload}, {@code inbox:<path>} or {@code sample:<path>}
     */
    public record Submission(Path source, boolean move, String fileName, String dataset, String sheet,
            Integer headerRow, String encoding, Map<String, String> columnTypes, boolean replace, String origin) {

        /** A file read with detected sheet, header, encoding and types. */
        public Submission(Path source, boolean move, String fileName, String dataset, boolean replace,
                String origin) {
            this(source, move, fileName, dataset, null, null, null, Map.of(), replace, origin);
        }
    }

    private record Accepted(FileStore.StoredFile file, SpreadsheetFormat format, String encoding) {
    }
}
