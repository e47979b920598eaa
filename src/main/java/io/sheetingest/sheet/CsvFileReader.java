package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import io.sheetingest.problem.ProblemType;

/**
 * Streams a CSV or TSV file with FastCSV: encoding from {@link TextEncoding}, delimiter from
 * {@link DelimiterSniffer}, fields typed by {@link CsvValues}. Quoted fields may hold delimiters and line breaks;
 * rows may be ragged; blank lines are skipped. Row numbers are the line a record starts on.
 */
public final class CsvFileReader implements SheetReader {

    private static final int SAMPLE_CHARS = 1 << 16;

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        long line = 0;
        try {
            TextEncoding encoding = TextEncoding.detect(file, options.encoding());
            char delimiter = sniff(file, encoding);
            handler.start(null, MergedCells.NONE);
            try (Reader text = open(file, encoding);
                    CsvReader<CsvRecord> records = CsvReader.builder()
                            .fieldSeparator(delimiter)
                            .skipEmptyLines(true)
                            .allowExtraFields(true)
                            .allowMissingFields(true)
                            .allowExtraCharsAfterClosingQuote(true)
                            .ofCsvRecord(text)) {
                for (CsvRecord record : records) {
                    line = record.getStartingLineNumber();
                    emit(record, handler);
                }
                handler.end();
            }
            return null;
        } catch (CsvParseException e) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw new SheetReadException(ProblemType.UNREADABLE_FILE, "The CSV text cannot be parsed after line "
                    + line + ": " + cause, null, line + 1, null);
        } catch (IOException e) {
            throw SheetReadException.unreadable("The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static void emit(CsvRecord record, RowHandler handler) {
        List<Cell> cells = new ArrayList<>(record.getFieldCount());
        for (int i = 0; i < record.getFieldCount(); i++) {
            Cell cell = CsvValues.cell(i, record.getField(i));
            if (cell != null) {
                cells.add(cell);
            }
        }
        if (!cells.isEmpty()) {
            handler.fields(record.getStartingLineNumber(), record.getFieldCount());
            handler.row(record.getStartingLineNumber(), cells);
        }
    }

    private static char sniff(Path file, TextEncoding encoding) throws IOException {
        try (Reader text = open(file, encoding)) {
            char[] sample = new char[SAMPLE_CHARS];
            int length = text.read(sample);
            boolean complete = length < 0 || text.read() < 0;
            return DelimiterSniffer.sniff(new String(sample, 0, Math.max(length, 0)), complete);
        }
    }

    private static Reader open(Path file, TextEncoding encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(encoding.bomLength());
        return new InputStreamReader(in, encoding.charset());
    }
}
