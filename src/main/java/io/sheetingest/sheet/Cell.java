package io.sheetingest.sheet;

/**
 * One non-blank cell value in canonical text: integers and decimals as their shortest exact decimal,
 * dates as ISO {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-dd HH:mm:ss[.fff]}, times as {@code HH:mm:ss[.fff]},
 * booleans as {@code true}/{@code false}. Canonical text is what PostgreSQL reads and what a widened text column keeps.
 *
 * @param column 0-based column index
 * @param kind   what the value is
 * @param text   the canonical text
 * @param shown  the text as the file shows the value, when that differs from {@code text} and matters: a CSV field
 *               written otherwise than its canonical form ({@code 1.50}), a number under a zero-padded format
 *               ({@code 00501}); {@code null} otherwise. A column declared text receives this text.
 */
public record Cell(int column, CellKind kind, String text, String shown) {

    /** A cell whose shown text is its canonical text. */
    public Cell(int column, CellKind kind, String text) {
        this(column, kind, text, null);
    }

    /** The text as the file shows the value. */
    public String shownText() {
        return shown == null ? text : shown;
    }

    /** This cell, showing {@code display} where that differs from its canonical text. */
    Cell showing(String display) {
        return display == null || display.equals(text) ? this : new Cell(column, kind, text, display);
    }
}
