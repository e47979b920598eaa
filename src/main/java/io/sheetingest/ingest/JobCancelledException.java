package io.sheetingest.ingest;

/** A job's thread was interrupted (shutdown or cancel): its transaction is rolled back and the job released. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("the job was interrupted", null, false, false);
    }
}
