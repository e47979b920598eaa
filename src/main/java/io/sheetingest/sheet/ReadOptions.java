package io.sheetingest.sheet;

/**
 * What the uploader asked for when a file is read.
 *
 * @param sheet     the sheet to read by name, or {@code null} for the first visible sheet; ignored for CSV
 * @param headerRow the 1-based row that holds the column names, or {@code null} to find it below any title rows
 * @param encoding  the character set the uploader declared for a CSV file, or {@code null} to detect it
 */
public record ReadOptions(String sheet, Integer headerRow, String encoding) {

    public ReadOptions(String sheet, Integer headerRow) {
        this(sheet, headerRow, null);
    }

    /** The first visible sheet, header found automatically. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null);
    }
}
