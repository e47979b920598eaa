package io.sheetingest.sheet;

import java.nio.file.Path;

/** Reads one sheet of a file as a table: limits enforced, header found, data rows streamed to a handler. */
public final class TableReader {

    private final SheetReader reader;
    private final SheetLimits limits;

    public TableReader(SheetReader reader, SheetLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /**
     * Streams the sheet the options name into {@code table}; blocking and CPU-heavy, so call it on a worker.
     *
     * @return the name of the sheet that was read
     * @throws SheetReadException when the file cannot be read or passes a limit
     */
    public String read(Path file, ReadOptions options, TableHandler table) {
        HeaderFinder header = new HeaderFinder(options.headerRow(), limits.headerScanRows(), table);
        return reader.read(file, options, new LimitGuard(limits, header));
    }
}
