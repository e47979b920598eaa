package io.sheetingest.sheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Cells stored as ISO 8601 text ({@code t="d"}) rather than serial numbers; a value with an offset is read as UTC. */
final class IsoDates {

    private IsoDates() {
    }

    static Cell cell(int column, String iso) {
        try {
            if (iso.indexOf('T') < 0 && iso.indexOf(':') > 0) {
                return new Cell(column, CellKind.TIME, DateFormats.time(LocalTime.parse(iso)));
            }
            if (iso.indexOf('T') < 0) {
                return new Cell(column, CellKind.DATE, DateFormats.date(LocalDate.parse(iso)));
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                LocalDateTime utc = OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                return new Cell(column, CellKind.TIMESTAMP, DateFormats.timestamp(utc));
            }
            return new Cell(column, CellKind.TIMESTAMP, DateFormats.timestamp(LocalDateTime.parse(iso)));
        } catch (DateTimeParseException e) {
            return new Cell(column, CellKind.TEXT, iso);
        }
    }
}
