package io.sheetingest.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.sheet.TextEncoding;

/**
 * Turns files dropped into the inbox folder into jobs, then moves each file to {@code done/} or, with a
 * {@code .error.json} beside it, to {@code failed/}.
 *
 * <p>Layout: {@code <inbox>/<dataset>/<file>} loads into the sub-folder's dataset; {@code <inbox>/<file>} into the
 * dataset named after the file stem. A file is taken only once its size and modification time were the same on two
 * scans, so a half-copied file is left alone. Symbolic links, hidden files and anything outside the inbox are never
 * followed. Several replicas may scan one shared folder: the job table's (dataset, SHA-256) uniqueness decides,
 * and moves that lose a race to another replica are ignored.
 */
@ApplicationScoped
public class InboxScanner {

    private static final Logger LOG = Logger.getLogger(InboxScanner.class);
    private static final Set<String> OWN_FOLDERS = Set.of("done", "failed");

    private final InboxConfig config;
    private final WorkerPools pools;
    private final IngestionService ingestion;
    private final JobRepository jobs;
    private final ObjectMapper json;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Map<Path, UUID> queued = new ConcurrentHashMap<>();
    private final String csvEncoding;

    public InboxScanner(InboxConfig config, WorkerPools pools, IngestionService ingestion, JobRepository jobs,
            ObjectMapper json) {
        this.config = config;
        this.pools = pools;
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.json = json;
        this.csvEncoding = config.csvEncoding().map(InboxScanner::charset).orElse(null);
    }

    /** Creates the scanner at start-up, so that a bad {@code INBOX_CSV_ENCODING} stops the service at once. */
    void checkSettings(@Observes StartupEvent event) {
        if (csvEncoding != null) {
            LOG.infof("inbox CSV files are read as %s (INBOX_CSV_ENCODING)", csvEncoding);
        }
    }

    private static String charset(String name) {
        try {
            return TextEncoding.declared(name);
        } catch (ProblemException e) {
            throw new IllegalArgumentException("INBOX_CSV_ENCODING (sheet-ingest.inbox.csv-encoding)='" + name
                    + "' is not a character set this service knows: use e.g. windows-1252, iso-8859-1 or shift_jis");
        }
    }

    @Scheduled(every = "${sheet-ingest.inbox.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NoInbox.class)
    Uni<Void> scheduled() {
        return sync()
                .onFailure()
                .invoke(e -> LOG.warnf("inbox scan failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Scans the inbox once: queues stable new files, moves files whose job has finished. */
    public Uni<SyncReport> sync() {
        if (config.dir().isEmpty()) {
            return Uni.createFrom().item(SyncReport.EMPTY);
        }
        Path inbox = config.dir().get();
        return pools.onIo(() -> scan(inbox))
                .chain(scan -> Multi.createFrom()
                        .iterable(scan.ready())
                        .onItem()
                        .transformToUniAndConcatenate(file -> queue(inbox, file))
                        .collect()
                        .asList()
                        .chain(queuedNow -> settle(inbox)
                                .map(moved -> new SyncReport(queuedNow, moved, scan.waiting(), scan.refused()))));
    }

    private Uni<String> queue(Path inbox, Path file) {
        Path relative = inbox.relativize(file);
        String dataset = relative.getNameCount() > 1 ? relative.getName(0).toString() : stem(file);
        IngestionService.Submission submission = new IngestionService.Submission(file, false,
                file.getFileName().toString(), dataset, null, null, csvEncoding, Map.of(), false, "inbox:" + relative);
        return ingestion.submit(submission)
                .map(submitted -> {
                    queued.put(file, submitted.job().id());
                    return relative.toString();
                })
                .onFailure(ProblemException.class)
                .recoverWithUni(e -> pools.onIo(() -> {
                    moveToFailed(inbox, file, ((ProblemException) e).problem());
                    return relative + " (refused)";
                }));
    }

    /** Moves files whose jobs have finished; keeps watching the others. */
    private Uni<List<String>> settle(Path inbox) {
        return Multi.createFrom()
                .iterable(List.copyOf(queued.entrySet()))
                .onItem()
                .transformToUniAndConcatenate(entry -> jobs.find(entry.getValue())
                        .chain(job -> job == null || !job.status().finished()
                                ? Uni.createFrom().<String>nullItem()
                                : pools.onIo(() -> move(inbox, entry.getKey(), job))))
                .filter(moved -> moved != null)
                .collect()
                .asList();
    }

    private String move(Path inbox, Path file, Job job) {
        queued.remove(file);
        seen.remove(file);
        if (job.status() == JobStatus.SUCCEEDED) {
            moveTo(inbox, file, "done");
            LOG.infof("inbox file=%s job=%s dataset=%s moved to done/", inbox.relativize(file), job.id(),
                    job.dataset());
            return inbox.relativize(file) + " -> done";
        }
        moveToFailed(inbox, file, job.error());
        return inbox.relativize(file) + " -> failed";
    }

    private void moveToFailed(Path inbox, Path file, Problem problem) {
        queued.remove(file);
        seen.remove(file);
        Path target = moveTo(inbox, file, "failed");
        if (target == null) {
            return;
        }
        try {
            Files.writeString(target.resolveSibling(target.getFileName() + ".error.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(problem), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf("inbox file=%s moved to failed/ but its .error.json could not be written: %s", target,
                    e.getMessage());
        }
        LOG.warnf("inbox file=%s moved to failed/: %s", inbox.relativize(file),
                problem == null ? "" : problem.detail());
    }

    /** Moves a file under {@code <inbox>/<folder>/} keeping its relative path; null when another replica won. */
    private static Path moveTo(Path inbox, Path file, String folder) {
        Path base = inbox.resolve(folder).normalize();
        Path target = base.resolve(inbox.relativize(file)).normalize();
        if (!target.startsWith(base)) {
            throw new IllegalStateException("refusing to move " + file + " outside " + base);
        }
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + folder, e);
        }
    }

    /** Lists candidate files; blocking, on the I/O executor. */
    private Scan scan(Path inbox) {
        Path root;
        try {
            Files.createDirectories(inbox);
            root = inbox.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open inbox " + inbox, e);
        }
        List<Path> ready = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(inbox, 2)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = inbox.relativize(file);
                if (file.equals(inbox) || relative.getNameCount() == 0 || ignored(relative)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || !file.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(root)) {
                    refused.add(relative.toString());
                    continue;
                }
                if (!attributes.isRegularFile() || queued.containsKey(file)) {
                    continue;
                }
                Seen now = new Seen(attributes.size(), attributes.lastModifiedTime().toMillis());
                Seen before = seen.put(file, now);
                if (now.equals(before) && now.size() > 0) {
                    ready.add(file);
                } else {
                    waiting.add(relative.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan inbox " + inbox, e);
        }
        if (!refused.isEmpty()) {
            LOG.warnf("inbox entries refused (symbolic links or outside the inbox): %s", refused);
        }
        return new Scan(ready, waiting, refused);
    }

    private static boolean ignored(Path relative) {
        String first = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        return OWN_FOLDERS.contains(first) || name.startsWith(".") || name.endsWith(".part")
                || name.endsWith(".tmp") || name.startsWith("~$");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    }

    /** Size and modification time of a file at one scan. */
    private record Seen(long size, long modified) {
    }

    private record Scan(List<Path> ready, List<String> waiting, List<String> refused) {
    }

    /**
     * What one scan did.
     *
     * @param queued  files that became jobs (or found their existing job)
     * @param moved   files moved to {@code done/} or {@code failed/}
     * @param waiting files seen for the first time or still changing; taken on a later scan
     * @param refused entries never taken: symbolic links, paths leading outside the inbox
     */
    public record SyncReport(List<String> queued, List<String> moved, List<String> waiting, List<String> refused) {
        static final SyncReport EMPTY = new SyncReport(List.of(), List.of(), List.of(), List.of());
    }

    /** Skips the schedule when no inbox is configured. */
    @ApplicationScoped
    public static class NoInbox implements Scheduled.SkipPredicate {

        private final InboxConfig config;

        public NoInbox(InboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return config.dir().isEmpty();
        }
    }
}
