package io.sheetingest.sheet;

/**
 * One non-blank cell value in canonical text: integers and decimals as their shortest exact decimal,
 * dates as ISO {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-dd HH:mm:ss[.fff]}, times as {@code HH:mm:ss[.fff]},
 * booleans as {@code true}/{@code false}. Canonical text is what PostgreSQL reads and what a widened text column keeps.
 *
 * @param column 0-based column index
 * @param kind   what the value is
 * @param text   the canonical text
 */
public record Cell(int column, CellKind kind, String text) {
}
