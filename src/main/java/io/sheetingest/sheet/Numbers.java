package io.sheetingest.sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;

/** Exact decimal text for spreadsheet numbers. */
public final class Numbers {

    /** Decimals with this many significant digits or fewer map to distinct doubles, so they are already shortest. */
    private static final int DOUBLE_SAFE_DIGITS = 15;

    /** POI's formatter is not thread-safe; readers run on several workers at once. */
    private static final ThreadLocal<DataFormatter> FORMATTER =
            ThreadLocal.withInitial(() -> new DataFormatter(Locale.US));

    private Numbers() {
    }

    /**
     * The shortest decimal that reads back as the same double Excel stored, e.g. {@code 60.564999999999998}
     * becomes {@code 60.565} and {@code 1.1000000000000001} becomes {@code 1.1}, which is what Excel shows.
     *
     * @param raw the number as written in the file
     * @return the decimal with no exponent and no trailing zeros
     * @throws NumberFormatException when {@code raw} is not a number
     */
    public static BigDecimal shortest(String raw) {
        BigDecimal written = new BigDecimal(raw.trim()).stripTrailingZeros();
        if (written.precision() <= DOUBLE_SAFE_DIGITS) {
            return written;
        }
        double value = written.doubleValue();
        if (Double.isInfinite(value)) {
            return written;
        }
        return shortest(value);
    }

    /** The shortest decimal that reads back as {@code value}. */
    public static BigDecimal shortest(double value) {
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Canonical text and kind of a number: integers that fit a bigint are INTEGER, the rest DECIMAL. */
    public static Cell cell(int column, BigDecimal value) {
        if (value.signum() == 0) {
            return new Cell(column, CellKind.INTEGER, "0");
        }
        if (value.scale() <= 0 && value.precision() - value.scale() <= 18) {
            return new Cell(column, CellKind.INTEGER, value.toBigIntegerExact().toString());
        }
        return new Cell(column, CellKind.DECIMAL, value.toPlainString());
    }

    /**
     * A number under a zero-padded format: its canonical value, and as {@link Cell#shown} the text the format
     * displays ({@code 501} under {@code 00000} shows {@code 00501}), kept when the column is declared text.
     */
    public static Cell padded(int column, double value, String code) {
        BigDecimal exact = shortest(value);
        Cell plain = cell(column, exact);
        if (code == null) {
            return plain;
        }
        String shown = PaddedFormat.format(exact, code);
        return plain.showing(shown != null ? shown : FORMATTER.get().formatRawCellContents(value, -1, code));
    }
}
