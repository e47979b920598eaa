package io.sheetingest.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.vertx.mutiny.core.Vertx;

/**
 * Claims queued jobs from PostgreSQL while this replica's CPU executor has a free thread, runs them and records
 * how each attempt ended. The queue lives in the database, not in the executor: a busy replica leaves jobs queued,
 * a stopped one releases them, a crashed one loses its lease and another replica takes them.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final JobRepository jobs;
    private final IngestionPipeline pipeline;
    private final WorkerPools pools;
    private final JobConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final String owner = "replica-" + UUID.randomUUID();

    private final Map<UUID, Running> live = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean stopping;
    private long pollTimer = -1;
    private long leaseTimer = -1;
    private long progressTimer = -1;

    public JobDispatcher(JobRepository jobs, IngestionPipeline pipeline, WorkerPools pools, JobConfig config,
            Vertx vertx, MeterRegistry registry) {
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.pools = pools;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        leaseTimer = vertx.setPeriodic(Math.max(1000, config.lease().toMillis() / 3), id -> renewLeases());
        progressTimer = vertx.setPeriodic(config.progressInterval().toMillis(), id -> publishProgress());
        LOG.infof("dispatcher started: owner=%s poll=%s lease=%s", owner, config.pollInterval(), config.lease());
        wake();
    }

    /** Stops claiming, lets the executors finish or interrupt running jobs, and puts unfinished jobs back. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(leaseTimer);
        vertx.cancelTimer(progressTimer);
        pools.shutdown();
        Integer released = jobs.release(owner)
                .await()
                .atMost(Duration.ofSeconds(10));
        if (released > 0) {
            LOG.warnf("dispatcher stopped: owner=%s released=%d unfinished jobs back to the queue", owner, released);
        }
    }

    /** Looks for work now rather than at the next poll, e.g. right after an upload. */
    public void wake() {
        if (stopping || paused) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        claimNext();
    }

    /** Stops claiming new jobs (running ones go on), e.g. to drain a replica. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** Live counters of a job that runs in this replica, or null. */
    public JobProgress progress(UUID jobId) {
        Running running = live.get(jobId);
        return running == null ? null : running.progress();
    }

    /** Stops a job running in this replica; it rolls back and is marked cancelled. */
    public boolean cancelLocal(UUID jobId) {
        Running running = live.get(jobId);
        if (running == null) {
            return false;
        }
        running.progress().cancel();
        return true;
    }

    public int runningJobs() {
        return live.size();
    }

    public String owner() {
        return owner;
    }

    private void claimNext() {
        if (stopping || paused || live.size() >= pools.cpu().figures().configuredThreads()) {
            doneClaiming();
            return;
        }
        jobs.failExhausted(config.maxAttempts())
                .chain(() -> jobs.claim(owner, config.lease()))
                .subscribe()
                .with(job -> {
                    if (job == null) {
                        doneClaiming();
                    } else {
                        run(job);
                        claimNext();
                    }
                }, failure -> {
                    LOG.warnf("dispatcher could not claim jobs: %s; retrying at the next poll", failure.getMessage());
                    doneClaiming();
                });
    }

    private void doneClaiming() {
        claiming.set(false);
        if (wakeAgain.getAndSet(false)) {
            wake();
        }
    }

    private void run(Job job) {
        JobProgress progress = new JobProgress();
        live.put(job.id(), new Running(job, progress));
        LOG.infof("job=%s dataset=%s file=%s attempt=%d started", job.id(), job.dataset(), job.file(), job.attempts());
        long started = System.nanoTime();

        pipeline.run(job, owner, progress)
                .subscribe()
                .with(rows -> succeeded(job, progress, rows, started), failure -> failed(job, progress, failure,
                        started));
    }

    private void succeeded(Job job, JobProgress progress, long rows, long started) {
        finished(job, "succeeded", null, started);
        registry.counter("sheet_ingest.rows.ingested").increment(rows);
        Counter.builder("sheet_ingest.ingested")
                .description("Bytes of spreadsheet files ingested successfully")
                .baseUnit("bytes")
                .register(registry)
                .increment(job.sizeBytes());
        LOG.infof("job=%s dataset=%s file=%s succeeded rows=%d warnings=%d parse_ms=%d write_ms=%d in %d ms",
                job.id(), job.dataset(), job.file(), rows, progress.warnings(), progress.parseMillis(),
                progress.writeMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void failed(Job job, JobProgress progress, Throwable failure, long started) {
        if (progress.cancelled()) {
            Problem problem = Problem.of(ProblemType.CONFLICT, "The job was cancelled on request; no rows were kept")
                    .withFile(job.file());
            finished(job, "cancelled", problem, started);
            LOG.infof("job=%s dataset=%s file=%s cancelled; rolled back", job.id(), job.dataset(), job.file());
            jobs.finish(job.id(), owner, JobStatus.CANCELLED, problem, progress).subscribe().with(n -> { }, this::log);
            return;
        }
        if (failure instanceof JobCancelledException || failure instanceof BatchChannel.WriterGone || stopping) {
            finished(job, "released", null, started);
            LOG.warnf("job=%s dataset=%s file=%s interrupted; released for another attempt", job.id(),
                    job.dataset(), job.file());
            jobs.requeue(job.id(), owner, Duration.ZERO).subscribe().with(n -> wake(), this::log);
            return;
        }
        if (failure instanceof CopyWriter.LeaseLostException) {
            finished(job, "lease_lost", null, started);
            LOG.warnf("job=%s dataset=%s file=%s lost its lease; rolled back, another replica owns it", job.id(),
                    job.dataset(), job.file());
            return;
        }
        if (failure instanceof JobWriteException write && write.transientFailure()
                && job.attempts() < config.maxAttempts()) {
            Duration delay = backoff(job.attempts());
            finished(job, "retried", Problem.of(ProblemType.INTERNAL, write.getMessage()), started);
            LOG.warnf("job=%s dataset=%s file=%s attempt=%d hit a transient database error, retry in %s: %s",
                    job.id(), job.dataset(), job.file(), job.attempts(), delay, write.getMessage());
            jobs.requeue(job.id(), owner, delay).subscribe().with(n -> { }, this::log);
            return;
        }
        Problem problem;
        if (failure instanceof JobWriteException write && write.refusedData()) {
            problem = Problem.of(ProblemType.UNREADABLE_FILE, "PostgreSQL refused the file's data: "
                    + write.getCause().getMessage());
            LOG.warnf("job=%s dataset=%s file=%s failed: %s", job.id(), job.dataset(), job.file(), problem.detail());
        } else if (failure instanceof ProblemException bad) {
            problem = bad.problem();
            LOG.warnf("job=%s dataset=%s file=%s failed: %s", job.id(), job.dataset(), job.file(), problem.detail());
        } else {
            problem = Problem.of(ProblemType.INTERNAL, failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage());
            LOG.errorf(failure, "job=%s dataset=%s file=%s failed unexpectedly", job.id(), job.dataset(), job.file());
        }
        Problem recorded = problem.withFile(job.file()).withInstance("/api/ingestions/" + job.id());
        finished(job, "failed", recorded, started);
        jobs.finish(job.id(), owner, JobStatus.FAILED, recorded, progress).subscribe().with(n -> { }, this::log);
    }

    private void finished(Job job, String outcome, Problem problem, long started) {
        live.remove(job.id());
        jobs.closeAttempt(job.id(), job.attempts(), outcome, problem).subscribe().with(n -> { }, this::log);
        Counter.builder("sheet_ingest.jobs")
                .description("Ingestion job attempts by how they ended")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("sheet_ingest.job.duration")
                .description("Wall time of a job attempt, parse and write overlapped")
                .tag("outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        wake();
    }

    private Duration backoff(int attempt) {
        Duration delay = config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void renewLeases() {
        if (live.isEmpty()) {
            return;
        }
        jobs.renew(owner, config.lease())
                .subscribe()
                .with(this::cancelRequested, e -> LOG.warnf("could not renew job leases for owner=%s: %s", owner,
                        e.getMessage()));
    }

    private void cancelRequested(List<UUID> ids) {
        ids.forEach(this::cancelLocal);
    }

    private void publishProgress() {
        live.forEach((id, running) -> jobs.progress(id, owner, running.progress())
                .subscribe()
                .with(n -> { }, this::log));
    }

    private void log(Throwable failure) {
        LOG.warnf("job bookkeeping failed for owner=%s: %s", owner, failure.getMessage());
    }

    /** A job this replica runs, with its live counters. */
    private record Running(Job job, JobProgress progress) {
    }
}
