package io.sheetingest.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * how they ended. The queue lives in the database, not in the executor: a busy replica simply leaves jobs queued.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final JobRepository jobs;
    private final IngestionPipeline pipeline;
    private final WorkerPools pools;
    private final JobConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final String owner = "replica-" + UUID.randomUUID();

    private final Map<UUID, JobProgress> live = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private volatile boolean stopping;
    private long pollTimer = -1;
    private long leaseTimer = -1;

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
        long renewEvery = Math.max(1000, config.lease().toMillis() / 3);
        leaseTimer = vertx.setPeriodic(renewEvery, id -> renewLeases());
        LOG.infof("dispatcher started: owner=%s poll=%s lease=%s", owner, config.pollInterval(), config.lease());
        wake();
    }

    /** Stops claiming, lets the executors finish or interrupt running jobs, and puts unfinished jobs back. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(leaseTimer);
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
        if (stopping) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        claimNext();
    }

    /** Live counters of a job that runs in this replica, or null. */
    public JobProgress progress(UUID jobId) {
        return live.get(jobId);
    }

    public int runningJobs() {
        return running.get();
    }

    private void claimNext() {
        if (stopping || running.get() >= pools.cpu().figures().configuredThreads()) {
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
        running.incrementAndGet();
        JobProgress progress = new JobProgress();
        live.put(job.id(), progress);
        LOG.infof("job=%s dataset=%s file=%s attempt=%d started", job.id(), job.dataset(), job.file(), job.attempts());
        long started = System.nanoTime();

        pipeline.run(job, owner, progress)
                .subscribe()
                .with(rows -> {
                    finished(job, "succeeded", started);
                    registry.counter("sheet_ingest.rows.ingested").increment(rows);
                    Counter.builder("sheet_ingest.ingested")
                            .description("Bytes of spreadsheet files ingested successfully")
                            .baseUnit("bytes")
                            .register(registry)
                            .increment(job.sizeBytes());
                    LOG.infof("job=%s dataset=%s file=%s succeeded rows=%d warnings=%d in %d ms", job.id(),
                            job.dataset(), job.file(), rows, progress.warnings(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }, failure -> failed(job, progress, failure, started));
    }

    private void failed(Job job, JobProgress progress, Throwable failure, long started) {
        if (failure instanceof JobCancelledException || failure instanceof BatchChannel.WriterGone || stopping) {
            finished(job, "released", started);
            LOG.warnf("job=%s dataset=%s file=%s interrupted; released for another attempt", job.id(),
                    job.dataset(), job.file());
            jobs.requeue(job.id(), owner).subscribe().with(n -> wake(), e -> wake());
            return;
        }
        if (failure instanceof CopyWriter.LeaseLostException) {
            finished(job, "lease_lost", started);
            LOG.warnf("job=%s dataset=%s file=%s lost its lease; rolled back, another replica owns it", job.id(),
                    job.dataset(), job.file());
            return;
        }
        if (failure instanceof JobWriteException write && write.transientFailure()) {
            finished(job, "retried", started);
            LOG.warnf("job=%s dataset=%s file=%s attempt=%d hit a transient database error, will retry: %s",
                    job.id(), job.dataset(), job.file(), job.attempts(), write.getMessage());
            jobs.requeue(job.id(), owner).subscribe().with(n -> wake(), e -> wake());
            return;
        }
        Problem problem;
        if (failure instanceof ProblemException bad) {
            problem = bad.problem();
            LOG.warnf("job=%s dataset=%s file=%s failed: %s", job.id(), job.dataset(), job.file(), problem.detail());
        } else {
            problem = Problem.of(ProblemType.INTERNAL, failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage());
            LOG.errorf(failure, "job=%s dataset=%s file=%s failed unexpectedly", job.id(), job.dataset(), job.file());
        }
        Problem recorded = problem.withFile(job.file()).withInstance("/api/ingestions/" + job.id());
        finished(job, "failed", started);
        jobs.fail(job.id(), owner, recorded, progress)
                .subscribe()
                .with(ignored -> wake(), e -> LOG.errorf("job=%s could not be marked failed: %s", job.id(),
                        e.getMessage()));
    }

    private void finished(Job job, String outcome, long started) {
        live.remove(job.id());
        running.decrementAndGet();
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

    private void renewLeases() {
        if (running.get() == 0) {
            return;
        }
        jobs.renew(owner, config.lease())
                .subscribe()
                .with(n -> LOG.debugf("renewed leases=%d owner=%s", n, owner),
                        e -> LOG.warnf("could not renew job leases for owner=%s: %s", owner, e.getMessage()));
    }
}
