package io.sheetingest.sheet;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** The table readers for each supported format, sharing the configured {@link SheetLimits}. */
@ApplicationScoped
public class SheetReaders {

    private final SheetLimits limits;

    public SheetReaders(SheetLimits limits) {
        this.limits = limits;
    }

    /** Removes the shared-strings spill files a killed process left in the temporary directory. */
    void clearStaleSpillFiles(@Observes StartupEvent event) {
        SpillFiles.removeStale(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Office Open XML workbooks: xlsx and xlsm. */
    public TableReader xlsx() {
        return new TableReader(new XlsxReader(limits), limits);
    }

    /** Excel binary workbooks (xlsb). */
    public TableReader xlsb() {
        return new TableReader(new XlsbReader(), limits);
    }

    /** Excel 97-2003 (BIFF8) workbooks. */
    public TableReader xls() {
        return new TableReader(new XlsReader(limits), limits);
    }

    /** Delimited text: CSV, TSV and their semicolon and pipe cousins. */
    public TableReader csv() {
        return new TableReader(new CsvFileReader(), limits);
    }
}
