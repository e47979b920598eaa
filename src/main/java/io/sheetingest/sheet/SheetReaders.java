package io.sheetingest.sheet;

import jakarta.enterprise.context.ApplicationScoped;

/** The table readers for each supported format, sharing the configured {@link SheetLimits}. */
@ApplicationScoped
public class SheetReaders {

    private final SheetLimits limits;

    public SheetReaders(SheetLimits limits) {
        this.limits = limits;
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
