package io.sheetingest.sheet;

import java.util.List;

/** Receives a sheet's rows in order as a reader streams them. */
public interface RowHandler {

    /**
     * One row that has at least one non-blank cell.
     *
     * @param rowNumber 1-based row number as the spreadsheet shows it
     * @param cells     the non-blank cells, in column order
     */
    void row(long rowNumber, List<Cell> cells);

    /** A cell that held an error value such as {@code #DIV/0!}; it is read as blank. */
    default void errorCell(long rowNumber, int column, String error) {
    }
}
