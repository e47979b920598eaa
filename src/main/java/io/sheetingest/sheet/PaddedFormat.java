package io.sheetingest.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a whole number as Excel shows it under an integer format made of digit placeholders and literal text,
 * such as {@code 00000} or {@code 000-00-0000}: placeholders are filled from the right, a {@code 0} with no digit
 * left shows {@code 0}, and digits beyond the placeholders all go to the leftmost one ({@code 1234567890} under
 * {@code 000-00-0000} is {@code 1234-56-7890}). A negative number takes the format's second section when it has
 * one, else a minus sign; zero takes the third section when there is one. A fraction is rounded half away from zero,
 * as an integer format shows it ({@code 12.5} under {@code 000} is {@code 013}). POI's formatter gets the overflow
 * and negative cases wrong, so these formats are written here; anything else (decimal places, thousands
 * separators, exponents, percentages) is left to POI.
 */
final class PaddedFormat {

    private PaddedFormat() {
    }

    /**
     * The number as shown, or {@code null} when the format or the value is not one this class writes.
     *
     * @param number the cell's number
     * @param code   the format code
     */
    static String format(BigDecimal number, String code) {
        BigDecimal value = number.setScale(0, java.math.RoundingMode.HALF_UP);
        List<String> sections = sections(code);
        boolean negative = value.signum() < 0;
        String section;
        if (value.signum() == 0 && sections.size() > 2) {
            section = sections.get(2);
        } else {
            section = negative && sections.size() > 1 ? sections.get(1) : sections.get(0);
        }
        List<Object> tokens = tokens(section);
        if (tokens == null) {
            return null;
        }
        String digits = value.abs().toBigInteger().toString();
        if (digits.equals("0")) {
            digits = "";
        }
        int placeholders = (int) tokens.stream().filter(t -> t instanceof Character).count();
        if (placeholders == 0) {
            return tokens.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining());
        }
        StringBuilder shown = new StringBuilder();
        int next = digits.length();
        int seen = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Object token = tokens.get(i);
            if (token instanceof String literal) {
                shown.insert(0, literal);
                continue;
            }
            seen++;
            char placeholder = (Character) token;
            if (seen == placeholders) {
                String rest = digits.substring(0, next);
                shown.insert(0, rest.isEmpty() ? filler(placeholder) : rest);
                next = 0;
            } else if (next > 0) {
                shown.insert(0, digits.charAt(--next));
            } else {
                shown.insert(0, filler(placeholder));
            }
        }
        return (negative && sections.size() == 1 ? "-" : "") + shown;
    }

    private static String filler(char placeholder) {
        return switch (placeholder) {
            case '0' -> "0";
            case '?' -> " ";
            default -> "";
        };
    }

    /** The format's sections, split at semicolons outside quotes. */
    private static List<String> sections(String code) {
        List<String> sections = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && !quoted) {
                i++;
            } else if (c == ';' && !quoted) {
                sections.add(code.substring(start, i));
                start = i + 1;
            }
        }
        sections.add(code.substring(start));
        return sections;
    }

    /** Placeholders as {@code Character}, literal text as {@code String}; {@code null} for what is not written here. */
    private static List<Object> tokens(String section) {
        List<Object> tokens = new ArrayList<>();
        for (int i = 0; i < section.length(); i++) {
            char c = section.charAt(i);
            switch (c) {
                case '0', '#', '?' -> tokens.add(c);
                case '"' -> {
                    int end = section.indexOf('"', i + 1);
                    if (end < 0) {
                        return null;
                    }
                    tokens.add(section.substring(i + 1, end));
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < section.length()) {
                        tokens.add(String.valueOf(section.charAt(++i)));
                    }
                }
                case '[' -> {
                    int end = section.indexOf(']', i);
                    if (end < 0) {
                        return null;
                    }
                    i = end;
                }
                case '_' -> {
                    tokens.add(" ");
                    i++;
                }
                case '*' -> i++;
                case '.', ',', '%', 'E', 'e', '@', '/' -> {
                    return null;
                }
                default -> tokens.add(String.valueOf(c));
            }
        }
        return tokens;
    }
}
