package io.sheetingest.sheet;

/** Spreadsheet column letters, for messages that point at a cell and for references read from a file. */
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

    /** Column index of a reference such as {@code AB12} or {@code $AB$12}, or -1 when it has no letters. */
    public static int columnIndex(String reference) {
        int index = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            } else if (c >= 'a' && c <= 'z') {
                index = index * 26 + (c - 'a' + 1);
                letters++;
            } else if (c != '$' || letters > 0) {
                break;
            }
            if (letters > 3) {
                return -1;
            }
        }
        return letters == 0 ? -1 : index - 1;
    }
}
