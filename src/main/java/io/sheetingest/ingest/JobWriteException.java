package io.sheetingest.ingest;

import java.sql.SQLException;

/** PostgreSQL refused or lost the job's writes; the transaction was rolled back. */
public class JobWriteException extends RuntimeException {

    public JobWriteException(SQLException cause) {
        super(describe(cause), cause);
    }

    /** Connection loss and serialisation conflicts are worth another attempt; anything else is not. */
    public boolean transientFailure() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01"));
    }

    private static String describe(SQLException e) {
        return "writing to PostgreSQL failed (SQLSTATE " + e.getSQLState() + "): " + e.getMessage();
    }
}
