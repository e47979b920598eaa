package io.sheetingest.sheet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * Names the shared-strings spill files after the process that writes them, so that files a killed process left
 * behind (a crash or {@code kill -9} skips the deletion every read ends with) can be told from those of a live one
 * and removed at the next start instead of filling the temporary directory across restarts.
 */
final class SpillFiles {

    private static final Logger LOG = Logger.getLogger(SpillFiles.class);
    private static final Pattern NAME = Pattern.compile("sheet-ingest-string(?:s|-ends)-(\\d+)-(\\d+)-.*\\.tmp");

    private SpillFiles() {
    }

    /** The prefix of a new spill file: its kind, then this process's id and start time. */
    static String prefix(String kind) {
        ProcessHandle self = ProcessHandle.current();
        return "sheet-ingest-" + kind + "-" + self.pid() + "-" + startMillis(self) + "-";
    }

    /**
     * Deletes the spill files in {@code dir} whose process is gone: no process has their id any more, or the one
     * that has it started at another time (a restarted container often gets the same id).
     *
     * @return how many files were deleted
     */
    static int removeStale(Path dir) {
        int removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "sheet-ingest-string*.tmp")) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (!name.matches() || alive(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)))) {
                    continue;
                }
                long size = Files.size(file);
                if (Files.deleteIfExists(file)) {
                    removed++;
                    bytes += size;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not clear stale shared-strings spill files in %s: %s", dir, e.getMessage());
        }
        if (removed > 0) {
            LOG.warnf("removed %d shared-strings spill files (%d bytes) from %s left by a process that ended "
                    + "mid-read", removed, bytes, dir);
        }
        return removed;
    }

    private static boolean alive(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive() && startMillis(process.get()) == startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
