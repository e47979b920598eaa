package io.sheetingest.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Types a CSV field by its text alone (year 0000, which PostgreSQL has no date for, stays text); a field written otherwise than its canonical text ({@code 1.50},
 * {@code TRUE}) keeps what was written as {@link Cell#shown}. Only unambiguous forms are typed: plain integers and decimals with a dot,
 * {@code true}/{@code false}, ISO dates, times and timestamps. Everything else stays text exactly as written, so
 * {@code 007} keeps its zeros and {@code 1,7} or {@code 14-Mar-14} are never guessed at.
 */
final class CsvValues {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?");
    private static final Pattern TIME = Pattern.compile("[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?");

    private CsvValues() {
    }

    /** The cell a field holds, or {@code null} for an empty field. */
    static Cell cell(int column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (first == '-' || first >= '0' && first <= '9') {
            Cell typed = numberOrTemporal(column, text);
            if (typed != null) {
                return typed.showing(text);
            }
        } else if (text.length() <= 5) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Cell(column, CellKind.BOOLEAN, lower).showing(text);
            }
        }
        return new Cell(column, CellKind.TEXT, text);
    }

    private static Cell numberOrTemporal(int column, String text) {
        try {
            if (INTEGER.matcher(text).matches() || DECIMAL.matcher(text).matches()) {
                return Numbers.cell(column, new BigDecimal(text).stripTrailingZeros());
            }
            if (DATE.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text);
                return date.getYear() < 1 ? null : new Cell(column, CellKind.DATE, DateFormats.date(date));
            }
            if (TIMESTAMP.matcher(text).matches()) {
                LocalDateTime at = LocalDateTime.parse(text.replace(' ', 'T'));
                return at.getYear() < 1 ? null : new Cell(column, CellKind.TIMESTAMP, DateFormats.timestamp(at));
            }
            if (TIME.matcher(text).matches()) {
                return new Cell(column, CellKind.TIME, DateFormats.time(LocalTime.parse(text)));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
