package io.sheetingest.dataset;

import io.sheetingest.sheet.CellKind;

/**
 * The PostgreSQL type of a dataset column, inferred from its values. Types only widen:
 * integer to numeric to text, date to timestamp to text; anything mixed is text.
 */
public enum ColumnType {

    /** No value seen yet: stored as text until a value decides. */
    UNKNOWN("text"),
    INTEGER("bigint"),
    NUMERIC("numeric"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIME("time"),
    TEXT("text");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    public static ColumnType of(CellKind kind) {
        return switch (kind) {
            case INTEGER -> INTEGER;
            case DECIMAL -> NUMERIC;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case TIME -> TIME;
            case TEXT -> TEXT;
        };
    }

    /** The narrowest type that holds values of both types. */
    public ColumnType widen(ColumnType other) {
        if (this == other || other == UNKNOWN) {
            return this;
        }
        if (this == UNKNOWN) {
            return other;
        }
        if (isOneOf(INTEGER, NUMERIC) && other.isOneOf(INTEGER, NUMERIC)) {
            return NUMERIC;
        }
        if (isOneOf(DATE, TIMESTAMP) && other.isOneOf(DATE, TIMESTAMP)) {
            return TIMESTAMP;
        }
        return TEXT;
    }

    private boolean isOneOf(ColumnType a, ColumnType b) {
        return this == a || this == b;
    }
}
