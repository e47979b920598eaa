package io.sheetingest.sheet;

import java.util.List;

/** Receives a sheet as a table: its header first, then its data rows as they stream. */
public interface TableHandler {

    /** Every sheet of the workbook, in order, before the header; see {@link RowHandler#workbook}. */
    default void workbook(List<String> sheets) {
    }

    /**
     * The header row, called once before any data row.
     *
     * @param rowNumber 1-based row the header was taken from, 0 when the sheet had no header row
     * @param texts     header text by 0-based column; blank where a column has no name
     */
    void header(long rowNumber, List<String> texts);

    /** A data row below the header; see {@link RowHandler#row}. */
    void row(long rowNumber, List<Cell> cells);

    /** A cell that held an error value; see {@link RowHandler#errorCell}. */
    void errorCell(long rowNumber, int column, String error);

    /**
     * Something about a data row the uploader should know although it was read, such as a CSV record with more or
     * fewer fields than the header.
     *
     * @param rowNumber 1-based row (line for CSV)
     * @param message   what was found and what was done with it
     */
    default void warning(long rowNumber, String message) {
    }
}
