package io.sheetingest.sheet;

import java.nio.file.Path;

/** Streams the rows of one sheet of a file in one format. */
public interface SheetReader {

    /**
     * Reads the sheet the options name, or the first visible one, pushing its rows to {@code rows}.
     *
     * @return the name of the sheet that was read, {@code null} for CSV
     * @throws SheetReadException when the file cannot be read, with where in it the reader gave up
     */
    String read(Path file, ReadOptions options, RowHandler rows);
}
