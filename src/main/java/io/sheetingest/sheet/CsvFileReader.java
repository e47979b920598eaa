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
                if (last != null && neverClosed(last, text, delimiter)) {
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
     * A file without a final line break is judged by its quotes: closed quoted fields use an even number of them,
     * and on the last line an unclosed one starts a field (a quote inside a field, {@code 12" pipe}, is text).
     */
    private static boolean neverClosed(CsvRecord last, QuoteCountingReader text, char delimiter) {
        String field = last.getField(last.getFieldCount() - 1);
        boolean spansLines = field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        if (spansLines) {
            char end = field.charAt(field.length() - 1);
            if (end == '\n' || end == '\r') {
                return true;
            }
        }
        if (text.endedWithLineBreak() || text.quotes() % 2 == 0) {
            return false;
        }
        return spansLines || opensAField(text.lastLine(), delimiter);
    }

    /** Whether a line holds a quote at the start of a field that no later quote closes. */
    private static boolean opensAField(String line, char delimiter) {
        if (line == null) {
            return false;
        }
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == '"';
                    if (doubled) {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
            }
            fieldStart = !quoted && c == delimiter;
        }
        return quoted;
    }

    /**
     * Counts the quote characters it passes on, remembers the last character of the text and keeps the text after
     * the last line break (up to {@value #MAX_LAST_LINE} characters).
     */
    private static final class QuoteCountingReader extends java.io.FilterReader {

        private static final int MAX_LAST_LINE = 1 << 20;

        private long quotes;
        private int lastChar = -1;
        private final StringBuilder lastLine = new StringBuilder();
        private final char[] one = new char[1];
        private boolean lastLineTooLong;

        QuoteCountingReader(Reader in) {
            super(in);
        }

        long quotes() {
            return quotes;
        }

        boolean endedWithLineBreak() {
            return lastChar == '\n' || lastChar == '\r';
        }

        /** The text after the last line break, {@code null} when it was too long to keep. */
        String lastLine() {
            return lastLineTooLong ? null : lastLine.toString();
        }

        private void keep(char[] buffer, int offset, int length) {
            int start = offset;
            for (int i = offset + length - 1; i >= offset; i--) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    lastLine.setLength(0);
                    lastLineTooLong = false;
                    start = i + 1;
                    break;
                }
            }
            int end = offset + length;
            if (lastLineTooLong || lastLine.length() + end - start > MAX_LAST_LINE) {
                lastLineTooLong = true;
                lastLine.setLength(0);
                return;
            }
            lastLine.append(buffer, start, end - start);
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                quotes += buffer[i] == '"' ? 1 : 0;
            }
            if (n > 0) {
                lastChar = buffer[offset + n - 1];
                keep(buffer, offset, n);
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
