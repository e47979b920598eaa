package io.sheetingest.security;

/** The roles a bearer token can carry, as they appear in the configured role claim. */
public final class Roles {

    /** Sees the service's resources, executors and pools under {@code /api/system/*}. */
    public static final String ADMIN = "admin";

    /** Uploads spreadsheets, triggers inbox syncs and cancels jobs. */
    public static final String INGEST = "ingest";

    /** Lists and queries datasets and follows ingestion jobs. */
    public static final String READ = "read";

    private Roles() {
    }
}
