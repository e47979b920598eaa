package io.sheetingest.sheet;

/** {@link SheetLimits} for plain unit tests, with the documented defaults unless a test narrows one. */
record TestLimits(long maxRows, int maxColumns, int maxCellChars, int headerScanRows, long maxXlsBytes,
        long sharedStringsMemoryBytes) implements SheetLimits {

    static TestLimits defaults() {
        return new TestLimits(10_000_000, 16_384, 1_000_000, 20, 64L << 20, 64L << 20);
    }

    TestLimits withMaxRows(long value) {
        return new TestLimits(value, maxColumns, maxCellChars, headerScanRows, maxXlsBytes, sharedStringsMemoryBytes);
    }

    TestLimits withMaxColumns(int value) {
        return new TestLimits(maxRows, value, maxCellChars, headerScanRows, maxXlsBytes, sharedStringsMemoryBytes);
    }

    TestLimits withMaxCellChars(int value) {
        return new TestLimits(maxRows, maxColumns, value, headerScanRows, maxXlsBytes, sharedStringsMemoryBytes);
    }

    TestLimits withHeaderScanRows(int value) {
        return new TestLimits(maxRows, maxColumns, maxCellChars, value, maxXlsBytes, sharedStringsMemoryBytes);
    }

    TestLimits withMaxXlsBytes(long value) {
        return new TestLimits(maxRows, maxColumns, maxCellChars, headerScanRows, value, sharedStringsMemoryBytes);
    }

    TestLimits withSharedStringsMemoryBytes(long value) {
        return new TestLimits(maxRows, maxColumns, maxCellChars, headerScanRows, maxXlsBytes, value);
    }
}
