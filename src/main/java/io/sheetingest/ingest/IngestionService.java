package io.sheetingest.ingest;

import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.sheetingest.dataset.Identifiers;
import io.sheetingest.executor.WorkerPools;

/** Turns a file on disk into a queued job: stored by hash, format checked, recorded, dispatcher woken. */
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
     * Queues a file for ingestion.
     *
     * @param source   the file; moved into the store when {@code move}, else copied
     * @param fileName the name the user knows it by
     * @param dataset  requested dataset name, normalised here
     * @param sheet    sheet to read, or null for the first
     */
    public Uni<Job> submit(Path source, boolean move, String fileName, String dataset, String sheet) {
        String name = Identifiers.datasetName(dataset);
        return pools.onIo(() -> {
                    SpreadsheetFormat format = SpreadsheetFormat.detect(source, fileName);
                    return new Accepted(store.store(source, move), format);
                })
                .chain(accepted -> jobs.insert(UUID.randomUUID(), name, fileName, accepted.file(), accepted.format(),
                        blankToNull(sheet)))
                .invoke(job -> {
                    LOG.infof("job=%s dataset=%s file=%s queued bytes=%d sha256=%s", job.id(), job.dataset(),
                            job.file(), job.sizeBytes(), job.sha256());
                    dispatcher.wake();
                });
    }

    /** The job with its live counters when it runs in this replica. */
    public Uni<Job> find(UUID id) {
        return jobs.find(id)
                .map(job -> {
                    JobProgress progress = job == null ? null : dispatcher.progress(id);
                    return progress == null || job.status() != JobStatus.RUNNING ? job : job.withProgress(progress);
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private record Accepted(FileStore.StoredFile file, SpreadsheetFormat format) {
    }
}
