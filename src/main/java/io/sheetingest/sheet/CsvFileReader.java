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
            try (QuoteCountingReader text = new QuoteCountingReader(open(file, encoding));
                    CsvReader<CsvRecord> records = CsvReader.builder()
                            .fieldSeparator(delimiter)
                            .skipEmptyLines(true)
                            .allowExtraFields(true)
                            .allowMissingFields(true)
                            .allowExtraCharsAfterClosingQuote(true)
                            .ofCsvRecord(text)) {
                CsvRecord last = null;
                for (CsvRecord record : records) {
                    line = record.getStartingLineNumber();
                    last = record;
                    emit(record, handler);
                }
                if (last != null && neverClosed(last, text)) {
                    throw new SheetReadException(ProblemType.UNREADABLE_FILE, "Line " + line + " opens a quoted "
                            + "field that is never closed, so everything after it would be one value: close the "
                            + "quote, or double it (\"\") where it is part of the text", null, line, null);
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

    /**
     * Whether the last record holds a quoted field that was never closed. FastCSV then reads the rest of the file
     * into that field instead of failing, so the field is the record's last, runs over several lines and, when the
     * file ends with a line break as files do, ends with it: a closed field never takes the file's final line break.
     * A file without a final line break is judged by its quotes: closed quoted fields use an even number of them.
     */
    private static boolean neverClosed(CsvRecord last, QuoteCountingReader text) {
        String field = last.getField(last.getFieldCount() - 1);
        if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return false;
        }
        char end = field.charAt(field.length() - 1);
        return end == '\n' || end == '\r' || !text.endedWithLineBreak() && text.quotes() % 2 != 0;
    }

    /** Counts the quote characters it passes on and remembers the last character of the text. */
    private static final class QuoteCountingReader extends java.io.FilterReader {

        private long quotes;
        private int lastChar = -1;

        QuoteCountingReader(Reader in) {
            super(in);
        }

        long quotes() {
            return quotes;
        }

        boolean endedWithLineBreak() {
            return lastChar == '\n' || lastChar == '\r';
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                quotes += c == '"' ? 1 : 0;
                lastChar = c;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                quotes += buffer[i] == '"' ? 1 : 0;
            }
            if (n > 0) {
                lastChar = buffer[offset + n - 1];
            }
            return n;
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
