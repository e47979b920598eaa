package io.sheetingest.sheet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what a single file may hold, so that a hostile or broken file is refused with a 422 instead of
 * exhausting memory. POI's own zip-bomb guards (inflate ratio, entry size) stay on in addition to these.
 */
@ConfigMapping(prefix = "sheet-ingest.limits")
public interface SheetLimits {

    /** Most non-blank rows (title and header rows included) read from one sheet or CSV file; default 10,000,000. */
    @WithDefault("10000000")
    long maxRows();

    /**
     * Most columns a row may reach (a cell beyond is refused); default 1598: a PostgreSQL table holds at most 1600
     * columns and every dataset table has two lineage columns. Excel itself goes to 16384 (XFD).
     */
    @WithDefault("1598")
    int maxColumns();

    /** Longest cell text in characters; default 1,000,000 (Excel itself stops at 32,767). */
    @WithDefault("1000000")
    int maxCellChars();

    /** Rows buffered at the top of a sheet to find the header row below title rows; default 20. */
    @WithDefault("20")
    int headerScanRows();

    /**
     * Largest legacy .xls file in bytes; default 64 MiB. Old binary workbooks are streamed record by record, but
     * their shared strings table, which can be most of the file, is held in memory while the sheet is read, so this
     * caps what one job can take.
     */
    @WithDefault("67108864")
    long maxXlsBytes();

    /**
     * Heap one xlsx's shared strings may take, in bytes, counting their UTF-8 text and 8 bytes each; default 64 MiB.
     * The strings past it are spilled to a temporary file in the JVM's temp directory ({@code java.io.tmpdir}),
     * deleted when the read ends; 0 spills them all.
     */
    @WithDefault("67108864")
    long sharedStringsMemoryBytes();
}
