package io.sheetingest.sheet;

/** Spreadsheet column letters, for messages that point at a cell. */
public final class CellReference {

    private CellReference() {
    }

    /** {@code 0 -> A}, {@code 26 -> AA}. */
    public static String letters(int column) {
        StringBuilder out = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
