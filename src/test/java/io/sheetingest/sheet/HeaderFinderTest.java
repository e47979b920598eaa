package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderFinderTest {

    private final Table table = new Table();

    @Test
    void skipsOneCellTitleAboveWiderHeader() {
        HeaderFinder finder = new HeaderFinder(null, 20, table);
        finder.row(1, List.of(text(0, "Quarterly report")));
        finder.row(3, List.of(text(0, "id"), text(1, "name"), text(2, "amount")));
        finder.row(4, List.of(integer(0, "1"), text(1, "Ann"), integer(2, "10")));
        finder.end();

        assertEquals(3, table.headerRow);
        assertEquals(List.of("id", "name", "amount"), table.header);
        assertEquals(List.of(4L), rowNumbers());
    }

    @Test
    void readsFirstRowAsDataWhenItHoldsNumbers() {
        HeaderFinder finder = new HeaderFinder(null, 20, table);
        finder.row(1, List.of(integer(0, "1"), text(1, "abc")));
        finder.row(2, List.of(integer(0, "2"), text(1, "xyz")));
        finder.end();

        assertEquals(0, table.headerRow, "no header row");
        assertEquals(List.of("", ""), table.header);
        assertEquals(List.of(1L, 2L), rowNumbers());
    }

    @Test
    void usesRequestedHeaderRowAndDropsRowsAboveIt() {
        HeaderFinder finder = new HeaderFinder(2, 20, table);
        finder.row(1, List.of(text(0, "a"), text(1, "b"), text(2, "c")));
        finder.row(2, List.of(text(0, "x"), integer(1, "2020")));
        finder.row(3, List.of(text(0, "y"), integer(1, "7")));
        finder.end();

        assertEquals(2, table.headerRow);
        assertEquals(List.of("x", "2020"), table.header);
        assertEquals(List.of(3L), rowNumbers());
    }

    @Test
    void refusesRequestedHeaderRowBelowLastRow() {
        HeaderFinder finder = new HeaderFinder(9, 20, table);
        finder.row(1, List.of(text(0, "a")));

        SheetReadException e = assertThrows(SheetReadException.class, finder::end);
        assertEquals(422, e.problem().status());
    }

    @Test
    void streamsRowsPastTheScanWindowInOrder() {
        HeaderFinder finder = new HeaderFinder(null, 2, table);
        finder.row(1, List.of(text(0, "h")));
        for (long row = 2; row <= 6; row++) {
            finder.row(row, List.of(integer(0, Long.toString(row))));
        }
        finder.end();

        assertEquals(List.of("h"), table.header);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rowNumbers());
    }

    @Test
    void spreadsMergedHeaderCellOverTheColumnsItCovers() {
        HeaderFinder finder = new HeaderFinder(null, 20, table);
        finder.start("Sheet1", (first, last) -> List.of(new CellRange(1, 1, 0, 1), new CellRange(1, 2, 3, 4)));
        finder.row(1, List.of(text(0, "Region"), text(2, "Total"), text(3, "Notes")));
        finder.row(3, List.of(text(0, "EU"), text(1, "DE"), integer(2, "5"), text(3, "a"), text(4, "b")));
        finder.end();

        assertEquals(List.of("Region", "Region", "Total", "Notes", "Notes"), table.header);
    }

    @Test
    void looksUpMergesOnlyWhenTheHeaderHasGaps() {
        HeaderFinder finder = new HeaderFinder(null, 20, table);
        finder.start("Sheet1", (first, last) -> fail("merged regions were scanned for a complete header"));
        finder.row(1, List.of(text(0, "a"), text(1, "b")));
        finder.row(2, List.of(integer(0, "1"), integer(1, "2")));
        finder.end();

        assertEquals(List.of("a", "b"), table.header);
    }

    private List<Long> rowNumbers() {
        List<Long> numbers = new ArrayList<>();
        table.rows.forEach(row -> numbers.add(row.number()));
        return numbers;
    }

    private static Cell text(int column, String value) {
        return new Cell(column, CellKind.TEXT, value);
    }

    private static Cell integer(int column, String value) {
        return new Cell(column, CellKind.INTEGER, value);
    }
}
