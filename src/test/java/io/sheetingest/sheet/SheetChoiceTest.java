package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SheetChoiceTest {

    private static final List<String> SHEETS = List.of("Hidden", "Orders", "2024", "Stock");
    private static final Set<String> HIDDEN = Set.of("Hidden");

    @Test
    void readsTheFirstVisibleSheetWhenNoneIsNamed() {
        assertEquals("Orders", SheetChoice.choose(null, SHEETS, HIDDEN));
    }

    @Test
    void aNameWinsOverAPosition() {
        assertEquals("Stock", SheetChoice.choose("Stock", SHEETS, HIDDEN));
        assertEquals("2024", SheetChoice.choose("2024", SHEETS, HIDDEN), "a sheet named 2024 is that sheet");
    }

    @Test
    void aNumberThatNamesNoSheetIsItsPositionCountingHiddenOnes() {
        assertEquals("Orders", SheetChoice.choose("2", SHEETS, HIDDEN));
        assertEquals("Hidden", SheetChoice.choose("1", SHEETS, HIDDEN), "named or numbered, a hidden sheet is read");
    }

    @Test
    void anUnknownSheetIsRefusedListingTheSheets() {
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> SheetChoice.choose("Sales", SHEETS, HIDDEN));

        assertEquals(422, e.problem().status());
        assertEquals("The workbook has no sheet named 'Sales'; its sheets are 'Hidden', 'Orders', '2024', 'Stock'",
                e.problem().detail());
        assertEquals("Sales", e.problem().sheet());
    }

    @Test
    void aPositionPastTheLastSheetIsRefused() {
        SheetReadException e = assertThrows(SheetReadException.class, () -> SheetChoice.choose("9", SHEETS, HIDDEN));

        assertEquals("The workbook has no sheet named '9' nor a sheet number 9; its sheets are 'Hidden', 'Orders', "
                + "'2024', 'Stock'", e.problem().detail());
    }

    @Test
    void aWorkbookWithOnlyHiddenSheetsHasNothingToRead() {
        assertThrows(SheetReadException.class, () -> SheetChoice.choose(null, List.of("Hidden"), HIDDEN));
    }
}
