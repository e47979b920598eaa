package io.sheetingest.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a sheet's rows into a table: buffers the first rows, picks the header row below any title rows (or the
 * row the uploader named), spreads merged header cells over the columns they cover, then streams the data rows
 * through unbuffered.
 *
 * <p>The table starts at the first row that spans most of the columns the rows below it use, so a one-cell title
 * or note above a wider table is skipped. That row is the header when all its cells are text; a row holding a
 * number, date or boolean is data, and the sheet then has no header (columns are named {@code column_N}) rather
 * than losing a row's values to column names.
 */
public final class HeaderFinder implements RowHandler {

    /** A header must span at least this share of the widest row below it. */
    private static final double HEADER_SPAN_SHARE = 0.6;

    private final Integer headerRow;
    private final int scanRows;
    private final TableHandler table;

    private List<Row> buffered = new ArrayList<>();
    private MergedCells merged = MergedCells.NONE;
    private boolean streaming;
    /** Fields of the CSV record about to arrive, -1 for spreadsheets. */
    private int pendingFields = -1;
    /** Fields of the table's first row (its header, or its first data row), -1 until known or for spreadsheets. */
    private int tableFields = -1;
    private long tableFieldsRow;

    /**
     * @param headerRow the 1-based header row the uploader named, or {@code null} to find it
     * @param scanRows  how many non-blank rows to buffer while looking for the header
     * @param table     receives the header and then the data rows
     */
    public HeaderFinder(Integer headerRow, int scanRows, TableHandler table) {
        this.headerRow = headerRow;
        this.scanRows = Math.max(1, scanRows);
        this.table = table;
    }

    @Override
    public void workbook(List<String> sheets) {
        table.workbook(sheets);
    }

    @Override
    public void start(String sheet, MergedCells mergedCells) {
        this.merged = mergedCells;
    }

    @Override
    public void fields(long rowNumber, int count) {
        pendingFields = count;
    }

    @Override
    public void row(long rowNumber, List<Cell> cells) {
        int fields = pendingFields;
        pendingFields = -1;
        if (streaming) {
            data(rowNumber, cells, fields);
        } else if (headerRow != null) {
            chosenRow(rowNumber, cells, fields);
        } else {
            buffered.add(new Row(rowNumber, List.copyOf(cells), fields));
            if (buffered.size() >= scanRows) {
                decide();
            }
        }
    }

    @Override
    public void errorCell(long rowNumber, int column, String error) {
        table.errorCell(rowNumber, column, error);
    }

    /**
     * Ends the sheet: a sheet shorter than the scan window gets its header now.
     *
     * @throws SheetReadException when the uploader named a header row below the sheet's last row
     */
    @Override
    public void end() {
        if (streaming) {
            return;
        }
        if (headerRow != null) {
            throw SheetReadException.unreadable("The header row " + headerRow
                    + " was requested, but the sheet has no non-blank row from there on");
        }
        if (!buffered.isEmpty()) {
            decide();
        }
    }

    /** A data row below the header; a CSV record whose field count differs from the table's first row is reported. */
    private void data(long rowNumber, List<Cell> cells, int fields) {
        if (fields >= 0) {
            if (tableFields < 0) {
                tableFields = fields;
                tableFieldsRow = rowNumber;
            } else if (fields != tableFields) {
                table.warning(rowNumber, "Line " + rowNumber + " has " + fields + " fields where line "
                        + tableFieldsRow + " has " + tableFields + (fields > tableFields
                                ? ": the extra values are kept in columns of their own"
                                : ": the missing values are NULL"));
            }
        }
        table.row(rowNumber, cells);
    }

    private void chosenRow(long rowNumber, List<Cell> cells, int fields) {
        if (rowNumber < headerRow) {
            // Only rows just above the header can hold the top of a vertically merged header cell.
            if (buffered.size() >= scanRows) {
                buffered.remove(0);
            }
            buffered.add(new Row(rowNumber, List.copyOf(cells), fields));
            return;
        }
        if (rowNumber == headerRow) {
            headerFields(rowNumber, fields);
            emitHeader(rowNumber, cells, cells.get(cells.size() - 1).column());
        } else {
            emitHeader(0, List.of(), -1);
            data(rowNumber, cells, fields);
        }
    }

    private void decide() {
        int start = tableStart();
        Row first = buffered.get(start);
        int firstData = first.allText() ? start + 1 : start;
        int widest = 0;
        for (int i = firstData; i < buffered.size(); i++) {
            widest = Math.max(widest, buffered.get(i).lastColumn());
        }
        if (first.allText()) {
            headerFields(first.number(), first.fields());
            emitHeader(first.number(), first.cells(), widest);
        } else {
            emitHeader(0, List.of(), widest);
        }
        for (Row row : buffered.subList(firstData, buffered.size())) {
            data(row.number(), row.cells(), row.fields());
        }
        buffered = List.of();
    }

    private int tableStart() {
        for (int i = 0; i < buffered.size(); i++) {
            if (buffered.get(i).span() >= Math.ceil(HEADER_SPAN_SHARE * widestSpanBelow(i))) {
                return i;
            }
        }
        return 0;
    }

    private int widestSpanBelow(int index) {
        int widest = buffered.get(index).span();
        for (int i = index + 1; i < buffered.size(); i++) {
            widest = Math.max(widest, buffered.get(i).span());
        }
        return widest;
    }

    private void headerFields(long rowNumber, int fields) {
        if (fields >= 0) {
            tableFields = fields;
            tableFieldsRow = rowNumber;
        }
    }

    /** Sends the header; {@code dataWidth} is the last column the data below uses, so merges reaching it count. */
    private void emitHeader(long rowNumber, List<Cell> cells, int dataWidth) {
        int last = cells.isEmpty() ? -1 : cells.get(cells.size() - 1).column();
        List<String> texts = new ArrayList<>(Collections.nCopies(Math.max(last, dataWidth) + 1, ""));
        for (Cell cell : cells) {
            texts.set(cell.column(), cell.text());
        }
        if (rowNumber > 0 && texts.contains("")) {
            spreadMerged(rowNumber, texts);
        }
        streaming = true;
        table.header(rowNumber, texts);
    }

    /** A merged header cell names every column it covers; its text sits in the region's top-left cell. */
    private void spreadMerged(long rowNumber, List<String> texts) {
        for (CellRange region : merged.overlapping(rowNumber, rowNumber)) {
            if (!region.coversRow(rowNumber) || region.firstColumn() >= texts.size()) {
                continue;
            }
            String source = textAt(region.firstRow(), region.firstColumn(), rowNumber, texts);
            int end = Math.min(region.lastColumn(), texts.size() - 1);
            for (int c = region.firstColumn(); c <= end; c++) {
                if (texts.get(c).isEmpty()) {
                    texts.set(c, source);
                }
            }
        }
    }

    private String textAt(long row, int column, long headerNumber, List<String> headerTexts) {
        if (row == headerNumber) {
            return headerTexts.get(column);
        }
        for (Row above : buffered) {
            if (above.number() == row) {
                return above.textAt(column);
            }
        }
        return "";
    }

    /** A buffered row; {@code fields} is its CSV field count, -1 for spreadsheets. */
    private record Row(long number, List<Cell> cells, int fields) {

        int span() {
            return cells.get(cells.size() - 1).column() - cells.get(0).column() + 1;
        }

        int lastColumn() {
            return cells.get(cells.size() - 1).column();
        }

        boolean allText() {
            return cells.stream().allMatch(cell -> cell.kind() == CellKind.TEXT);
        }

        String textAt(int column) {
            for (Cell cell : cells) {
                if (cell.column() == column) {
                    return cell.text();
                }
            }
            return "";
        }
    }
}
