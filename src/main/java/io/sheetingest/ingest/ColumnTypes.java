package io.sheetingest.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.sheetingest.dataset.ColumnType;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * The column types an uploader declares instead of letting them be inferred, written as
 * {@code zip:text, amount:numeric}: a column (its header text or its column name) and a type, comma separated.
 * A column declared {@code text} keeps each value as the file shows it, zero padding included.
 */
public final class ColumnTypes {

    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("text", ColumnType.TEXT),
            Map.entry("bigint", ColumnType.INTEGER),
            Map.entry("integer", ColumnType.INTEGER),
            Map.entry("numeric", ColumnType.NUMERIC),
            Map.entry("boolean", ColumnType.BOOLEAN),
            Map.entry("date", ColumnType.DATE),
            Map.entry("timestamp", ColumnType.TIMESTAMP),
            Map.entry("time", ColumnType.TIME));

    private static final String NAMES = "text, bigint (or integer), numeric, boolean, date, timestamp, time";

    private ColumnTypes() {
    }

    /**
     * Parses a declaration.
     *
     * @return column to type name (canonical), in the order given; empty when {@code value} is blank
     * @throws ProblemException 400 naming the part that cannot be read
     */
    public static Map<String, String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            String column = colon < 0 ? "" : part.substring(0, colon).trim();
            String type = colon < 0 ? "" : part.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (column.isEmpty() || type.isEmpty()) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "columnTypes '" + part.trim()
                        + "' is not column:type, e.g. zip:text, amount:numeric");
            }
            ColumnType parsed = TYPES.get(type);
            if (parsed == null) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "columnTypes gives column '" + column
                        + "' the type '" + type + "': use one of " + NAMES);
            }
            boolean twice = declared.keySet().stream().anyMatch(seen -> seen.equalsIgnoreCase(column));
            if (twice || declared.put(column, parsed.sql()) != null) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "columnTypes names the column '" + column
                        + "' twice");
            }
        }
        return Collections.unmodifiableMap(declared);
    }

    /** The declared types as the batcher uses them; names as stored on the job. */
    static Map<String, ColumnType> resolve(Map<String, String> stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        stored.forEach((column, type) -> types.put(column, TYPES.getOrDefault(type, ColumnType.TEXT)));
        return types;
    }
}
