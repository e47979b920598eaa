package io.sheetingest.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running job, updated by its parser and writer threads, and its cancel switch. */
public final class JobProgress {

    /** Warnings kept with their rows; the rest are only counted. */
    static final int KEPT_WARNINGS = 20;

    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicInteger warnings = new AtomicInteger();
    private final AtomicLong parseNanos = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final List<JobWarning> kept = new ArrayList<>();
    private volatile boolean cancelled;

    public long rowsRead() {
        return rowsRead.get();
    }

    public long rowsWritten() {
        return rowsWritten.get();
    }

    public int warnings() {
        return warnings.get();
    }

    /** The first {@value #KEPT_WARNINGS} warnings, in the order they were raised. */
    public List<JobWarning> warningDetails() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    public long parseMillis() {
        return parseNanos.get() / 1_000_000;
    }

    public long writeMillis() {
        return writeNanos.get() / 1_000_000;
    }

    /** Asks the job's threads to stop at their next row or batch; its transaction is then rolled back. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Throws when the job was cancelled or its thread interrupted (shutdown). */
    void checkNotCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new JobCancelledException();
        }
    }

    void read(long rows) {
        rowsRead.addAndGet(rows);
    }

    void written(long rows, long nanos) {
        rowsWritten.addAndGet(rows);
        writeNanos.addAndGet(nanos);
    }

    void parsed(long nanos) {
        parseNanos.addAndGet(nanos);
    }

    void warning(long row, String message) {
        warnings.incrementAndGet();
        synchronized (kept) {
            if (kept.size() < KEPT_WARNINGS) {
                kept.add(new JobWarning(row, message));
            }
        }
    }
}
