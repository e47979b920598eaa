package io.sheetingest.sheet;

import java.util.List;

/** Receives a sheet's rows in order as a reader streams them. */
public interface RowHandler {

    /**
     * Called once, before {@link #start}, with every sheet of the workbook in order; not called for CSV.
     *
     * @param sheets the sheet names as the workbook's tabs show them
     */
    default void workbook(List<String> sheets) {
    }

    /**
     * Called once before the first row.
     *
     * @param sheet  the name of the sheet being read, {@code null} for CSV, which has no sheets
     * @param merged the sheet's merged regions
     */
    default void start(String sheet, MergedCells merged) {
    }

    /**
     * One row that has at least one non-blank cell.
     *
     * @param rowNumber 1-based row number as the spreadsheet shows it (the line number for CSV)
     * @param cells     the non-blank cells, in column order
     */
    void row(long rowNumber, List<Cell> cells);

    /**
     * How many fields a CSV record had, called just before its {@link #row}, so that rows longer or shorter than
     * the header can be reported; spreadsheets have no such count and never call it.
     */
    default void fields(long rowNumber, int count) {
    }

    /** A cell that held an error value such as {@code #DIV/0!}; it is read as blank. */
    default void errorCell(long rowNumber, int column, String error) {
    }

    /** Called once after the last row, while the file is still open. */
    default void end() {
    }
}
