package io.sheetingest.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.sheetingest.ingest.SpreadsheetFormat;

/** The copied public test files under {@code src/test/resources/corpus}, read the way a job reads them. */
final class Corpus {

    static final Path DIR = Path.of("src/test/resources/corpus");

    /** What reading a corpus file gave. */
    record Outcome(SpreadsheetFormat format, String sheet, Table table) {
    }

    private Corpus() {
    }

    /** The file names MANIFEST.tsv lists. */
    static List<String> manifest() {
        try {
            return Files.readAllLines(DIR.resolve("MANIFEST.tsv")).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.substring(0, line.indexOf('\t')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Detects the format, then reads the first visible sheet with default limits. */
    static Outcome read(String name) {
        return read(name, ReadOptions.defaults(), TestLimits.defaults());
    }

    static Outcome read(String name, ReadOptions options, SheetLimits limits) {
        Path file = DIR.resolve(name);
        SpreadsheetFormat format = SpreadsheetFormat.detect(file, name);
        SheetReaders readers = new SheetReaders(limits);
        TableReader reader = switch (format) {
            case XLSX -> readers.xlsx();
            case XLSB -> readers.xlsb();
            case XLS -> readers.xls();
            case CSV -> readers.csv();
        };
        Table table = new Table();
        String sheet = reader.read(file, options, table);
        return new Outcome(format, sheet, table);
    }
}
