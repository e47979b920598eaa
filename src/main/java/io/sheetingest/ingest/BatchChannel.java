package io.sheetingest.ingest;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The small bounded buffer between a job's parser (CPU executor) and its writer (I/O executor), so that parsing and
 * COPY overlap while memory per job stays a few batches whatever the file size. Either side's failure reaches the
 * other: a parse failure arrives as the last message, a writer failure makes the parser's next send fail.
 */
final class BatchChannel {

    /**
     * The parser reached the end of the sheet.
     *
     * @param sheet  the sheet that was read, null for CSV
     * @param sheets every sheet of the workbook, empty for CSV
     */
    record End(String sheet, List<String> sheets) {
    }

    /** The parser failed; the writer rolls back and reports this. */
    record Failed(Throwable cause) {
    }

    /** The writer has stopped; the parser must not wait for it. */
    static final class WriterGone extends RuntimeException {
        WriterGone(Throwable cause) {
            super("the writer stopped: " + cause.getMessage(), cause, false, false);
        }
    }

    private final BlockingQueue<Object> queue;
    private volatile Throwable writerFailure;

    BatchChannel(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void send(Batch batch) {
        put(batch);
    }

    void end(String sheet, List<String> sheets) {
        put(new End(sheet, sheets));
    }

    void fail(Throwable cause) {
        if (writerFailure == null) {
            queue.clear();
            queue.offer(new Failed(cause));
        }
    }

    Object receive() throws InterruptedException {
        return queue.take();
    }

    void writerFailed(Throwable cause) {
        writerFailure = cause;
        queue.clear();
    }

    private void put(Object message) {
        try {
            while (!queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
                Throwable failure = writerFailure;
                if (failure != null) {
                    throw new WriterGone(failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriterGone(e);
        }
    }
}
