package io.sheetingest.sheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.DateUtil;

/** Tells date, time and timestamp number formats apart and turns serials into canonical date text. */
public final class DateFormats {

    /** What a number format shows. */
    public enum Shows {
        NUMBER,
        /** A number under a format that pads it with leading zeros, such as {@code 00000} for postal codes. */
        PADDED,
        DATE,
        TIME,
        TIMESTAMP,
        DURATION
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter TIME_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME_MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    /** Excel's last day, 9999-12-31, is serial 2958465 in the 1900 system. */
    private static final int LAST_YEAR = 9999;

    private DateFormats() {
    }

    /** Classifies a number format, built-in (by index) or custom (by its pattern). */
    public static Shows classify(int formatIndex, String formatString) {
        if (formatString == null) {
            return Shows.NUMBER;
        }
        String pattern = significant(formatString);
        if (!DateUtil.isADateFormat(formatIndex, formatString) && !onlyDateLetters(pattern)) {
            return padsWithZeros(pattern) ? Shows.PADDED : Shows.NUMBER;
        }
        if (pattern.contains("[h") || pattern.contains("[m") || pattern.contains("[s")) {
            return Shows.DURATION;
        }
        boolean time = pattern.indexOf('h') >= 0 || pattern.indexOf('s') >= 0 || pattern.contains("am/pm")
                || pattern.contains("a/p");
        boolean date = pattern.indexOf('y') >= 0 || pattern.indexOf('d') >= 0 || pattern.indexOf('e') >= 0
                || pattern.indexOf('g') >= 0 || (pattern.indexOf('m') >= 0 && !time);
        if (date && time) {
            return Shows.TIMESTAMP;
        }
        return time ? Shows.TIME : Shows.DATE;
    }

    /**
     * The cell a number shows as under a format that is not plain: a date, time or timestamp for a serial under a
     * date-like format, and for {@link Shows#PADDED} the number with its zero-padded text as {@link Cell#shown}.
     *
     * @param code the format code, used only for {@link Shows#PADDED}
     */
    public static Cell cell(int column, double serial, boolean date1904, Shows shows, String code) {
        if (shows == Shows.PADDED) {
            return Numbers.padded(column, serial, code);
        }
        return cell(column, serial, date1904, shows);
    }

    /** The cell a serial number shows as under a date-like format. */
    public static Cell cell(int column, double serial, boolean date1904, Shows shows) {
        switch (shows) {
            case NUMBER, PADDED -> {
                return Numbers.cell(column, Numbers.shortest(serial));
            }
            case DATE -> {
                LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, true);
                return at == null || at.getYear() > LAST_YEAR ? outOfRange(column, serial)
                        : new Cell(column, CellKind.DATE, DATE.format(at.toLocalDate()));
            }
            case TIME -> {
                if (serial < 0) {
                    return outOfRange(column, serial);
                }
                double fraction = serial - Math.floor(serial);
                return new Cell(column, CellKind.TIME, time(timeOfDay(fraction)));
            }
            case DURATION -> {
                return new Cell(column, CellKind.TEXT, duration(serial));
            }
            default -> {
                LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, false);
                return at == null || at.getYear() > LAST_YEAR ? outOfRange(column, serial)
                        : new Cell(column, CellKind.TIMESTAMP, timestamp(at));
            }
        }
    }

    /** Excel shows {@code ####} for a serial outside its calendar (negative, or past 9999-12-31): keep the number. */
    private static Cell outOfRange(int column, double serial) {
        return Numbers.cell(column, Numbers.shortest(serial));
    }

    public static String date(LocalDate value) {
        return DATE.format(value);
    }

    public static String timestamp(LocalDateTime value) {
        return DATE.format(value) + " " + time(value.toLocalTime());
    }

    /** {@code HH:mm:ss}, with milliseconds or, where a CSV field has them, microseconds (PostgreSQL keeps six). */
    public static String time(LocalTime value) {
        if (value.getNano() == 0) {
            return TIME.format(value);
        }
        return value.getNano() % 1_000_000 == 0 ? TIME_MILLIS.format(value) : TIME_MICROS.format(value);
    }

    private static LocalTime timeOfDay(double fraction) {
        long millis = Math.round(fraction * 86_400_000d);
        if (millis >= 86_400_000L) {
            millis = 86_399_999L;
        }
        return LocalTime.ofNanoOfDay(millis * 1_000_000L);
    }

    /** Elapsed time such as {@code [h]:mm:ss}: hours keep counting past a day. */
    private static String duration(double serial) {
        long seconds = Math.round(Math.abs(serial) * 86_400d);
        String sign = serial < 0 ? "-" : "";
        return String.format("%s%d:%02d:%02d", sign, seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /**
     * Whether a number format writes at least two digits before the decimal point, padding with zeros ({@code 00000},
     * {@code 000-00-0000}, {@code 00.0}); {@code 0.00} and {@code #,##0} do not.
     */
    private static boolean padsWithZeros(String pattern) {
        int point = pattern.indexOf('.');
        String whole = point < 0 ? pattern : pattern.substring(0, point);
        int zeros = 0;
        for (int i = 0; i < whole.length(); i++) {
            zeros += whole.charAt(i) == '0' ? 1 : 0;
        }
        return zeros >= 2;
    }

    /**
     * POI misses some date formats, such as the Japanese era {@code [$-411]ggge"年"m"月"d"日"}: a format with date
     * letters and no digit placeholders is a date too.
     */
    private static boolean onlyDateLetters(String pattern) {
        if (pattern.isEmpty() || pattern.equals("general")) {
            return false;
        }
        boolean dateLetter = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '0' || c == '#' || c == '?' || c == '@' || c == '%') {
                return false;
            }
            dateLetter |= "ymdhsge".indexOf(c) >= 0;
        }
        return dateLetter;
    }

    /** The format's letters that decide what it shows: lower-cased, without quoted text, escapes and colours. */
    private static String significant(String format) {
        StringBuilder out = new StringBuilder(format.length());
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int end = format.indexOf(']', i);
                String inner = end < 0 ? "" : format.substring(i + 1, end).toLowerCase();
                if (inner.matches("h+|m+|s+")) {
                    out.append('[').append(inner.charAt(0));
                }
                i = end < 0 ? format.length() : end;
            } else if (c == ';') {
                break;
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
