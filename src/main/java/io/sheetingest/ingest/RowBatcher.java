package io.sheetingest.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sheetingest.dataset.ColumnType;
import io.sheetingest.dataset.Identifiers;
import io.sheetingest.sheet.Cell;
import io.sheetingest.sheet.SheetReadException;
import io.sheetingest.sheet.TableHandler;

/**
 * Runs on the CPU executor: takes the header the sheet reader found, infers each column's type over every row,
 * and encodes rows as COPY text in batches for the writer.
 */
final class RowBatcher implements TableHandler {

    private static final int MAX_BATCH_CHARS = 4 << 20;

    private final String jobId;
    private final int batchRows;
    private final BatchChannel channel;
    private final JobProgress progress;

    private final List<String> headers = new ArrayList<>();
    private final List<ColumnType> types = new ArrayList<>();
    private List<String> names = List.of();
    private StringBuilder data = new StringBuilder(1 << 16);
    private int rows;
    private boolean headerSeen;
    private boolean headersSent;
    private List<String> sheets = List.of();

    RowBatcher(UUID jobId, int batchRows, BatchChannel channel, JobProgress progress) {
        this.jobId = jobId.toString();
        this.batchRows = batchRows;
        this.channel = channel;
        this.progress = progress;
    }

    @Override
    public void workbook(List<String> names) {
        sheets = List.copyOf(names);
    }

    /** Every sheet of the workbook that was read; empty for CSV. */
    List<String> sheets() {
        return sheets;
    }

    @Override
    public void header(long rowNumber, List<String> texts) {
        headers.clear();
        types.clear();
        widenTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            headers.set(i, texts.get(i));
        }
        names = Identifiers.columnNames(headers);
        headerSeen = true;
    }

    @Override
    public void row(long rowNumber, List<Cell> cells) {
        progress.checkNotCancelled();
        encode(rowNumber, cells);
        progress.read(1);
        if (rows >= batchRows || data.length() >= MAX_BATCH_CHARS) {
            flush();
        }
    }

    @Override
    public void errorCell(long rowNumber, int column, String error) {
        progress.warning();
    }

    /** Sends what is left; a sheet with a header and no rows still yields its columns. */
    void finish() {
        if (!headerSeen || names.isEmpty()) {
            throw SheetReadException.unreadable("The sheet has no rows: nothing to ingest");
        }
        if (rows > 0 || !headersSent) {
            flush();
        }
    }

    private void encode(long rowNumber, List<Cell> cells) {
        int last = cells.get(cells.size() - 1).column();
        if (last >= headers.size()) {
            if (rows > 0) {
                flush();
            }
            widenTo(last + 1);
            names = Identifiers.columnNames(headers);
        }
        int next = 0;
        for (Cell cell : cells) {
            for (; next < cell.column(); next++) {
                data.append("\\N\t");
            }
            types.set(next, types.get(next).widen(ColumnType.of(cell.kind())));
            escape(cell.text());
            data.append('\t');
            next++;
        }
        for (; next < headers.size(); next++) {
            data.append("\\N\t");
        }
        data.append(jobId).append('\t').append(rowNumber).append('\n');
        rows++;
    }

    private void widenTo(int width) {
        while (headers.size() < width) {
            headers.add("");
            types.add(ColumnType.UNKNOWN);
        }
    }

    private void flush() {
        List<ColumnSpec> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ColumnSpec(names.get(i), headers.get(i), types.get(i)));
        }
        channel.send(new Batch(List.copyOf(columns), data.toString().getBytes(StandardCharsets.UTF_8), rows));
        headersSent = true;
        data = new StringBuilder(Math.max(1 << 16, data.capacity()));
        rows = 0;
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; NUL cannot be stored at all. */
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                case '\0' -> {
                }
                default -> data.append(c);
            }
        }
    }
}
