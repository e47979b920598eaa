package io.sheetingest.sheet;

import java.util.List;

import io.sheetingest.problem.ProblemType;

/** Refuses a sheet as soon as it passes one of the {@link SheetLimits}, naming the row and column. */
final class LimitGuard implements RowHandler {

    private final SheetLimits limits;
    private final RowHandler next;
    private String sheet;
    private long rows;

    LimitGuard(SheetLimits limits, RowHandler next) {
        this.limits = limits;
        this.next = next;
    }

    @Override
    public void workbook(List<String> sheets) {
        next.workbook(sheets);
    }

    @Override
    public void start(String sheetName, MergedCells merged) {
        this.sheet = sheetName;
        next.start(sheetName, merged);
    }

    @Override
    public void row(long rowNumber, List<Cell> cells) {
        if (++rows > limits.maxRows()) {
            throw refuse("The sheet has more than " + limits.maxRows() + " rows (sheet-ingest.limits.max-rows)",
                    rowNumber, null);
        }
        Cell last = cells.get(cells.size() - 1);
        if (last.column() >= limits.maxColumns()) {
            throw refuse("A row reaches column " + (last.column() + 1) + ", beyond the limit of "
                    + limits.maxColumns() + " columns (sheet-ingest.limits.max-columns)", rowNumber, last);
        }
        for (Cell cell : cells) {
            if (cell.text().length() > limits.maxCellChars()) {
                throw refuse("A cell holds " + cell.text().length() + " characters, more than the limit of "
                        + limits.maxCellChars() + " (sheet-ingest.limits.max-cell-chars)", rowNumber, cell);
            }
        }
        next.row(rowNumber, cells);
    }

    @Override
    public void fields(long rowNumber, int count) {
        next.fields(rowNumber, count);
    }

    @Override
    public void errorCell(long rowNumber, int column, String error) {
        next.errorCell(rowNumber, column, error);
    }

    @Override
    public void end() {
        next.end();
    }

    private SheetReadException refuse(String detail, long rowNumber, Cell cell) {
        String column = cell == null ? null : CellReference.letters(cell.column());
        return new SheetReadException(ProblemType.UNREADABLE_FILE, detail, sheet, rowNumber, column);
    }
}
