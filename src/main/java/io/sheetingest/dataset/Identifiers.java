package io.sheetingest.dataset;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * Safe PostgreSQL identifiers from user input. Names are normalised, kept within PostgreSQL's 63-byte limit and
 * always double-quoted when written into SQL; nothing from a file or a request reaches SQL any other way.
 */
public final class Identifiers {

    public static final int MAX_BYTES = 63;

    private static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> RESERVED = Set.of("_job_id", "_source_row");

    private Identifiers() {
    }

    /**
     * A dataset name as given in a request: letters, digits, {@code _} and {@code -}, starting with a letter.
     * Upper case and {@code -} are folded to lower case and {@code _}.
     *
     * @throws ProblemException 400 when the name cannot be a table name
     */
    public static String datasetName(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The form field 'dataset' is required");
        }
        String name = requested.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!DATASET.matcher(name).matches() || name.length() > MAX_BYTES) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Dataset name '" + requested
                    + "' is not allowed: use 1-63 letters, digits, '_' or '-', starting with a letter");
        }
        return name;
    }

    /**
     * Column names from header texts: lower case, runs of anything but letters and digits become {@code _},
     * blanks become {@code column_N} (N = 1-based position), duplicates get {@code _2}, {@code _3}, ...
     */
    public static List<String> columnNames(List<String> headers) {
        List<String> names = new ArrayList<>(headers.size());
        Set<String> taken = new HashSet<>(RESERVED);
        for (int i = 0; i < headers.size(); i++) {
            String base = columnBase(headers.get(i), i);
            String name = base;
            for (int n = 2; taken.contains(name); n++) {
                String suffix = "_" + n;
                name = truncate(base, MAX_BYTES - suffix.length()) + suffix;
            }
            taken.add(name);
            names.add(name);
        }
        return names;
    }

    /** Double-quotes an identifier for SQL. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The schema-qualified, quoted table of a dataset. */
    public static String table(String tableName) {
        return "datasets." + quote(tableName);
    }

    private static String columnBase(String header, int index) {
        String text = header == null ? "" : Normalizer.normalize(header, Normalizer.Form.NFKC);
        String name = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("_");
        name = trimUnderscores(name);
        if (name.isEmpty()) {
            return "column_" + (index + 1);
        }
        if (Character.isDigit(name.charAt(0))) {
            name = "c_" + name;
        }
        return truncate(name, MAX_BYTES);
    }

    private static String trimUnderscores(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '_') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '_') {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts to at most {@code bytes} UTF-8 bytes without splitting a character. */
    static String truncate(String name, int bytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            out.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
