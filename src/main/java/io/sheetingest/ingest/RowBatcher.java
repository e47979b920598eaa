package io.sheetingest.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.sheetingest.dataset.ColumnType;
import io.sheetingest.dataset.Identifiers;
import io.sheetingest.problem.ProblemType;
import io.sheetingest.sheet.Cell;
import io.sheetingest.sheet.CellReference;
import io.sheetingest.sheet.SheetReadException;
import io.sheetingest.sheet.TableHandler;

/**
 * Runs on the CPU executor: takes the header the sheet reader found, infers each column's type over every row
 * (or holds it to the type the uploader declared), and encodes rows as COPY text in batches for the writer.
 */
final class RowBatcher implements TableHandler {

    private static final int MAX_BATCH_CHARS = 4 << 20;
    /** What {@link #indexOf} answers when a declaration names more than one column. */
    private static final int AMBIGUOUS = -2;

    private final String jobId;
    private final int batchRows;
    private final BatchChannel channel;
    private final JobProgress progress;
    private final Map<String, ColumnType> declared;

    private final List<String> headers = new ArrayList<>();
    private final List<ColumnType> types = new ArrayList<>();
    /** The declared type by column index, {@code null} where the type is inferred. */
    private final List<ColumnType> fixed = new ArrayList<>();
    private List<String> names = List.of();
    private StringBuilder data = new StringBuilder(1 << 16);
    private int rows;
    private boolean headerSeen;
    private boolean headersSent;
    private List<String> sheets = List.of();

    /**
     * @param declared column types the uploader declared, by header text or column name; empty to infer all
     */
    RowBatcher(UUID jobId, int batchRows, BatchChannel channel, JobProgress progress,
            Map<String, ColumnType> declared) {
        this.jobId = jobId.toString();
        this.batchRows = batchRows;
        this.channel = channel;
        this.progress = progress;
        this.declared = declared;
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
        fixed.clear();
        widenTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            headers.set(i, texts.get(i));
        }
        names = Identifiers.columnNames(headers);
        headerSeen = true;
        declare();
    }

    /** Fixes the declared columns' types; a declared column the header lacks fails the job, naming the columns. */
    private void declare() {
        Map<Integer, String> declaredBy = new HashMap<>();
        for (Map.Entry<String, ColumnType> entry : declared.entrySet()) {
            int index = indexOf(entry.getKey());
            if (index == AMBIGUOUS) {
                throw SheetReadException.unreadable("columnTypes names the column '" + entry.getKey()
                        + "', which matches several columns of the header: use one of their column names: "
                        + String.join(", ", names));
            }
            if (index < 0) {
                throw SheetReadException.unreadable("columnTypes names the column '" + entry.getKey()
                        + "', which the header does not have; its columns are: " + String.join(", ", names));
            }
            String earlier = declaredBy.put(index, entry.getKey());
            if (earlier != null) {
                throw SheetReadException.unreadable("columnTypes names the column '" + names.get(index)
                        + "' twice, as '" + earlier + "' and as '" + entry.getKey() + "'");
            }
            fixed.set(index, entry.getValue());
            types.set(index, entry.getValue());
        }
    }

    /**
     * The column a declaration names: the one whose column name it is exactly (such as {@code amount_2}), else the
     * one it names by header text or by a column name in other case; -1 for none, {@link #AMBIGUOUS} when that is
     * more than one column.
     */
    private int indexOf(String column) {
        String wanted = column.trim();
        int byName = names.indexOf(wanted.toLowerCase(Locale.ROOT));
        if (byName >= 0 && names.get(byName).equals(wanted)) {
            return byName;
        }
        Set<Integer> matches = new TreeSet<>();
        if (byName >= 0) {
            matches.add(byName);
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).trim().equalsIgnoreCase(wanted)) {
                matches.add(i);
            }
        }
        if (matches.isEmpty()) {
            return -1;
        }
        return matches.size() == 1 ? matches.iterator().next() : AMBIGUOUS;
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
        progress.warning(rowNumber, "Cell " + CellReference.letters(column) + rowNumber + " held " + error
                + ": read as NULL");
    }

    @Override
    public void warning(long rowNumber, String message) {
        progress.warning(rowNumber, message);
    }

    /** Sends what is left; a sheet with a header and no rows still yields its columns. */
    void finish() {
        if (!headerSeen || names.isEmpty()) {
            List<JobWarning> errors = progress.warningDetails();
            throw SheetReadException.unreadable(errors.isEmpty() ? "The sheet has no rows: nothing to ingest"
                    : "The sheet has no values to ingest: its only non-blank cells hold errors, e.g. "
                            + errors.get(0).message().replace(": read as NULL", ""));
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
            ColumnType type = fixed.get(next);
            if (type == null) {
                types.set(next, types.get(next).widen(ColumnType.of(cell.kind())));
                escape(cell.text());
            } else if (type == ColumnType.TEXT) {
                escape(cell.shownText());
            } else if (type.widen(ColumnType.of(cell.kind())) == type) {
                escape(cell.text());
            } else {
                throw new SheetReadException(ProblemType.UNREADABLE_FILE, "Cell " + CellReference.letters(next)
                        + rowNumber + " holds " + cell.kind().name().toLowerCase(Locale.ROOT) + " '"
                        + cell.shownText() + "', which is not " + type.sql() + " as columnTypes declares the column '"
                        + names.get(next) + "'", null, rowNumber, CellReference.letters(next));
            }
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
            fixed.add(null);
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
