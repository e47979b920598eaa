package io.sheetingest.sheet;

/**
 * A rectangle of cells, such as a merged region.
 *
 * @param firstRow    1-based first row
 * @param lastRow     1-based last row, inclusive
 * @param firstColumn 0-based first column
 * @param lastColumn  0-based last column, inclusive
 */
public record CellRange(long firstRow, long lastRow, int firstColumn, int lastColumn) {

    /**
     * Parses an A1-style range such as {@code B2:D3}; a single reference is a one-cell range.
     *
     * @return the range, or {@code null} when the text is not a range
     */
    public static CellRange parse(String reference) {
        int colon = reference.indexOf(':');
        String first = colon < 0 ? reference : reference.substring(0, colon);
        String last = colon < 0 ? reference : reference.substring(colon + 1);
        long firstRow = rowOf(first);
        long lastRow = rowOf(last);
        int firstColumn = CellReference.columnIndex(first);
        int lastColumn = CellReference.columnIndex(last);
        if (firstRow < 1 || lastRow < firstRow || firstColumn < 0 || lastColumn < firstColumn) {
            return null;
        }
        return new CellRange(firstRow, lastRow, firstColumn, lastColumn);
    }

    /** Whether the range covers the given row. */
    public boolean coversRow(long row) {
        return row >= firstRow && row <= lastRow;
    }

    private static long rowOf(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        try {
            return Long.parseLong(reference.substring(i).replace("$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
