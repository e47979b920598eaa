package io.sheetingest.sheet;

/** What a cell holds once read, before the column it sits in has a type. */
public enum CellKind {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TIME,
    TEXT
}
