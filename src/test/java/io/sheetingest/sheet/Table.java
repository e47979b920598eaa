package io.sheetingest.sheet;

import java.util.ArrayList;
import java.util.List;

/** A sheet as a test sees it: the header texts, then every data row and error cell, kept in memory. */
final class Table implements TableHandler {

    /** One data row as read. */
    record Row(long number, List<Cell> cells) {

        /** The cell in a 0-based column, or {@code null} when blank. */
        Cell at(int column) {
            return cells.stream().filter(c -> c.column() == column).findFirst().orElse(null);
        }

        /** The canonical text in a 0-based column, or {@code null} when blank. */
        String text(int column) {
            Cell cell = at(column);
            return cell == null ? null : cell.text();
        }
    }

    long headerRow = -1;
    List<String> header;
    final List<Row> rows = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void header(long rowNumber, List<String> texts) {
        headerRow = rowNumber;
        header = List.copyOf(texts);
    }

    @Override
    public void row(long rowNumber, List<Cell> cells) {
        rows.add(new Row(rowNumber, List.copyOf(cells)));
    }

    @Override
    public void errorCell(long rowNumber, int column, String error) {
        errors.add(CellReference.letters(column) + rowNumber + "=" + error);
    }

    @Override
    public void warning(long rowNumber, String message) {
        warnings.add(message);
    }

    /** Reads an xlsx's first visible sheet as a job does, with the default limits. */
    static Table ofXlsx(java.nio.file.Path book) {
        Table table = new Table();
        TestLimits limits = TestLimits.defaults();
        new TableReader(new XlsxReader(limits), limits).read(book, ReadOptions.defaults(), table);
        return table;
    }

    /** The data row with the given sheet row number. */
    Row row(long number) {
        return rows.stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no data row " + number + " in " + rows));
    }
}
