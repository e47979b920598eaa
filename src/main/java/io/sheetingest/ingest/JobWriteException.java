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

    /**
     * PostgreSQL refused the file's data or shape (SQLSTATE class 22 data exception, 54 program limit such as the
     * 1600-column limit): the file is at fault, not the service, and another attempt would fail the same way.
     */
    public boolean refusedData() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("54"));
    }

    private static String describe(SQLException e) {
        return "writing to PostgreSQL failed (SQLSTATE " + e.getSQLState() + "): " + e.getMessage();
    }
}
