package io.sheetingest.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running job, updated by its parser and writer threads. */
public final class JobProgress {

    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicInteger warnings = new AtomicInteger();

    public long rowsRead() {
        return rowsRead.get();
    }

    public long rowsWritten() {
        return rowsWritten.get();
    }

    public int warnings() {
        return warnings.get();
    }

    void read(long rows) {
        rowsRead.addAndGet(rows);
    }

    void written(long rows) {
        rowsWritten.addAndGet(rows);
    }

    void warning() {
        warnings.incrementAndGet();
    }
}
