package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14|m/d/yy|DATE",
        "164|[$-411]ggge\"年\"m\"月\"d\"日\";@|DATE",
        "165|[$-409]mmmm\" \"d\", \"yyyy|DATE",
        "166|[$-809]dd\\ mmmm\\ yyyy;@|DATE",
        "22|m/d/yy h:mm|TIMESTAMP",
        "21|h:mm:ss|TIME",
        "167|[h]:mm:ss|DURATION",
        "0|General|NUMBER",
        "10|0.00%|NUMBER",
        "168|\"Due \"0|NUMBER",
        "169|00000|PADDED",
        "170|000-00-0000|PADDED",
        "171|\"ID-\"0000|PADDED",
        "2|0.00|NUMBER",
        "3|#,##0|NUMBER",
        "172|0.000E+00|NUMBER"})
    void classifiesNumberFormats(int index, String format, DateFormats.Shows shows) {
        assertEquals(shows, DateFormats.classify(index, format), format);
    }

    @Test
    void keepsAZeroPaddedNumbersTextAsShown() {
        Cell zip = DateFormats.cell(2, 501, false, DateFormats.Shows.PADDED, "00000");

        assertEquals(new Cell(2, CellKind.INTEGER, "501", "00501"), zip);
        assertEquals("00501", zip.shownText());
        assertEquals(new Cell(0, CellKind.INTEGER, "12345"), DateFormats.cell(0, 12345, false,
                DateFormats.Shows.PADDED, "00000"), "nothing to pad: shown is the canonical text");
        assertEquals("078-05-1120", DateFormats.cell(0, 78051120, false, DateFormats.Shows.PADDED, "000-00-0000")
                .shownText());
    }

    @Test
    void keepsTheNumberWhereExcelShowsHashes() {
        assertEquals(new Cell(0, CellKind.DECIMAL, "-1.2"), DateFormats.cell(0, -1.2, false, DateFormats.Shows.TIME));
        assertEquals(new Cell(0, CellKind.INTEGER, "2958466"), DateFormats.cell(0, 2_958_466, false,
                DateFormats.Shows.DATE), "10000-01-01 is past Excel's calendar");
        assertEquals(new Cell(0, CellKind.INTEGER, "2958466"), DateFormats.cell(0, 2_958_466, false,
                DateFormats.Shows.TIMESTAMP));
        assertEquals("9999-12-31", DateFormats.cell(0, 2_958_465, false, DateFormats.Shows.DATE).text());
    }

    @Test
    void followsExcelsLeapYearQuirkIn1900System() {
        assertEquals("1900-01-01", DateFormats.cell(0, 1, false, DateFormats.Shows.DATE).text());
        assertEquals("1900-02-28", DateFormats.cell(0, 59, false, DateFormats.Shows.DATE).text());
        assertEquals("1900-03-01", DateFormats.cell(0, 61, false, DateFormats.Shows.DATE).text());
    }

    @Test
    void countsFrom1904InThe1904System() {
        assertEquals("2021-01-01", DateFormats.cell(0, 42_735, true, DateFormats.Shows.DATE).text());
        assertEquals("2017-01-01", DateFormats.cell(0, 42_736, false, DateFormats.Shows.DATE).text());
    }

    @Test
    void keepsSerialOutsideExcelsCalendarAsNumber() {
        assertEquals(new Cell(2, CellKind.DECIMAL, "-1.2"), DateFormats.cell(2, -1.2, false, DateFormats.Shows.DATE));
    }

    @Test
    void readsIsoCellWithOffsetAsUtc() {
        assertEquals(new Cell(0, CellKind.TIMESTAMP, "2014-02-14 06:27:48.765"),
                IsoDates.cell(0, "2014-02-14T08:27:48.765+02:00"));
    }
}
