package io.sheetingest.sheet;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sheetingest.ingest.SpreadsheetFormat;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * Every file in the corpus manifest is either read with the values its manifest line names, or refused with the
 * right problem type. A file added to the manifest without an expectation here fails the build.
 */
class CorpusConformanceTest {

    private static final Map<String, ProblemType> REFUSED = Map.of(
            "cal__issue_385_encrypted.xls", ProblemType.UNREADABLE_FILE,
            "cal__too_small.xls", ProblemType.UNSUPPORTED_FORMAT,
            "csvkit__latin1.csv", ProblemType.UNREADABLE_FILE,
            "poi__testEXCEL_95.xls", ProblemType.UNSUPPORTED_FORMAT,
            "poi__poc-shared-strings.xlsx", ProblemType.UNREADABLE_FILE,
            "poi__protected_passtika.xlsx", ProblemType.UNREADABLE_FILE,
            "poi__xlsx-corrupted.xlsx", ProblemType.UNREADABLE_FILE);

    private static final Map<String, Consumer<Corpus.Outcome>> READ = Map.ofEntries(
            entry("c2j__gbk.csv", CorpusConformanceTest::chineseTable),
            entry("c2j__utf8.csv", CorpusConformanceTest::chineseTable),
            entry("cal__date_1904.xlsb", CorpusConformanceTest::dates1904),
            entry("cal__date_1904.xlsx", CorpusConformanceTest::dates1904),
            entry("cal__date_iso.xlsx", o -> {
                assertCell(o, 1, 0, CellKind.DATE, "2021-01-01");
                assertCell(o, 2, 0, CellKind.TIMESTAMP, "2021-01-01 10:10:10");
                assertCell(o, 3, 0, CellKind.TIME, "10:10:10");
            }),
            entry("cal__date_quoted_format.xlsx", o -> {
                for (int row = 1; row <= 4; row++) {
                    assertCell(o, row, 0, CellKind.DATE, "2021-01-01");
                }
            }),
            entry("cal__empty_shared_string_value.xlsx", o -> {
                assertEquals(List.of("Name", "City", "Status"), o.table().header);
                assertCell(o, 2, 0, CellKind.TEXT, "Alice");
                assertNull(o.table().row(2).at(1), "a t=\"s\" cell without <v> is blank");
            }),
            entry("cal__errors.xlsx", o -> {
                assertEquals(List.of("A1=#DIV/0!", "A2=#NAME?", "A3=#VALUE!", "A4=#NULL!", "A5=#REF!", "A6=#NUM!",
                        "A7=#N/A"), o.table().errors);
                assertTrue(o.table().rows.isEmpty(), "error cells are read as blank");
            }),
            entry("cal__header-row.xlsx", o -> {
                assertEquals(9, o.table().headerRow);
                assertEquals(List.of("Columns", "Column A", "Column B", "Column C"), o.table().header);
                assertCell(o, 10, 0, CellKind.TEXT, "put data here");
                assertCell(o, 10, 3, CellKind.INTEGER, "3");
            }),
            entry("cal__issue_174_gnumeric.xlsx", o -> {
                assertEquals(11, o.table().header.size(), "only used columns, whatever the dimension claims");
                assertEquals("Your Ref #", o.table().header.get(0));
                assertCell(o, 2, 0, CellKind.INTEGER, "123");
            }),
            entry("cal__issue_419_SharedStrings_case.xlsx", o -> assertEquals(List.of("Hello"), o.table().header)),
            entry("cal__sst_continue.xls", o -> assertCell(o, 136, 0, CellKind.TEXT, "New CONTINUE block")),
            entry("cal__temperature-in-middle.xlsx", o -> {
                assertEquals(4, o.table().headerRow);
                assertEquals(List.of("", "label", "value"), o.table().header);
                assertCell(o, 5, 1, CellKind.TEXT, "celsius");
                assertCell(o, 5, 2, CellKind.DECIMAL, "22.2222");
                assertCell(o, 6, 2, CellKind.INTEGER, "72");
            }),
            entry("cal__vba.xlsm", o -> {
                assertEquals(SpreadsheetFormat.XLSX, o.format());
                assertTrue(o.table().rows.isEmpty(), "its first sheet is empty");
            }),
            entry("cal__whitespace_trim.xlsx", o -> {
                assertEquals("  trimmed value  ", o.table().header.get(0), "xml:space=preserve is kept");
                assertCell(o, 2, 0, CellKind.TEXT, "  line1\nline2  ");
            }),
            entry("ccsv__bom.csv", o -> {
                assertEquals("Date", o.table().header.get(0), "the BOM is not part of the first header");
                assertCell(o, 2, 0, CellKind.TEXT, "14-Mar-14");
                assertCell(o, 2, 1, CellKind.DECIMAL, "223.8");
                assertCell(o, 2, 5, CellKind.INTEGER, "79448141");
            }),
            entry("ccsv__psql.csv", o -> {
                assertEquals(0, o.table().headerRow, "a first row with a number is data, not a header");
                assertCell(o, 1, 2, CellKind.TEXT, "test line 1\ntest line 2");
                assertNull(o.table().row(1).at(3));
                assertCell(o, 3, 2, CellKind.TEXT, "\\b:\b \\t:\t \\n:\n \\r:\r");
                assertCell(o, 6, 3, CellKind.TEXT, "\"quoted\"");
            }),
            entry("csvkit__bad_ragged.csv", o -> {
                assertEquals(List.of("column_a", "column_b", "column_c", ""), o.table().header);
                assertCell(o, 2, 3, CellKind.TEXT, "I'm too long!");
                assertCell(o, 3, 1, CellKind.TEXT, "I'm too short!");
            }),
            entry("csvkit__blank_lines_before_header.csv", o -> {
                assertEquals(List.of("a", "b", "c"), o.table().header);
                assertCell(o, 5, 2, CellKind.INTEGER, "3");
            }),
            entry("csvkit__leading_zeroes.csv", o -> {
                assertCell(o, 2, 0, CellKind.TEXT, "01");
                assertCell(o, 2, 1, CellKind.TEXT, "00.11");
                assertCell(o, 2, 2, CellKind.DECIMAL, "0.1");
            }),
            entry("csvkit__locale_numbers.csv", o -> {
                assertCell(o, 2, 0, CellKind.TEXT, "1,7");
                assertCell(o, 2, 1, CellKind.TEXT, "200.000.000");
            }),
            entry("csvkit__null_byte.csv", o -> assertCell(o, 2, 0, CellKind.TEXT, "\0")),
            entry("csvkit__utf16le.csv", o -> {
                assertEquals(List.of("a", "b", "c"), o.table().header);
                assertCell(o, 3, 2, CellKind.TEXT, "ʤ");
            }),
            entry("eex__issue2443_wps_date.xlsx", o -> assertCell(o, 2, 0, CellKind.TEXT, "1.00")),
            entry("eex__office_bom.csv", o -> {
                assertEquals(List.of("姓名", "年纪"), o.table().header);
                assertCell(o, 2, 1, CellKind.INTEGER, "20");
            }),
            entry("ejs__google-sheets_hidden.xlsx", o -> {
                assertEquals(List.of("BEGIN", "HIDDEN", "VISIBLE"), o.table().header);
                assertCell(o, 2, 0, CellKind.TEXT, "HIDDEN");
            }),
            entry("esr__formatted-date_excelonline.xlsx", o -> assertCell(o, 2, 3, CellKind.DATE, "1976-09-06")),
            entry("esr__leadingZeroes.xlsx", o -> {
                assertCell(o, 2, 0, CellKind.TEXT, "0002");
                // the manifest speaks of a leading-zero format, but A1's style is GENERAL: it shows 1
                assertCell(o, 1, 0, CellKind.INTEGER, "1");
                assertEquals("1", o.table().row(1).at(0).shownText());
            }),
            entry("fex__xlsx-stream-d-date-cell.xlsx", o -> {
                assertEquals(List.of("String", "てすと", "&'\";<>", "&amp;"), o.table().header);
                assertCell(o, 3, 3, CellKind.DECIMAL, "12345678900000000000000");
                assertCell(o, 4, 1, CellKind.BOOLEAN, "true");
                assertCell(o, 5, 1, CellKind.TIMESTAMP, "2014-02-14 08:27:48.765");
            }),
            entry("pcn__china_customs_COUNTRY.xls", o -> {
                assertEquals(List.of("国别代码", "国别中文名"), o.table().header);
                assertCell(o, 2, 0, CellKind.TEXT, "101");
                assertCell(o, 2, 1, CellKind.TEXT, "阿富汗");
            }),
            entry("poi__1904DateWindowing.xls", o -> {
                assertCell(o, 1, 0, CellKind.DATE, "2000-01-01");
                assertCell(o, 1, 1, CellKind.DATE, "2000-01-01");
            }),
            entry("poi__51585_wide_1109cols.xlsx", o -> assertTrue(o.table().rows.isEmpty(), "styled cells only")),
            entry("poi__53105_16384_columns.xlsx", o -> {
                List<Cell> row = o.table().row(1).cells();
                assertEquals(16_384, row.size());
                assertEquals(16_383, row.get(row.size() - 1).column());
            }),
            entry("poi__54686_fraction_formats.xls", o -> {
                assertEquals("Numerator", o.table().header.get(0));
                assertCell(o, 3, 2, CellKind.DECIMAL, "-1.05");
            }),
            entry("poi__57893-many-merges.xlsx", o -> assertTrue(o.table().rows.isEmpty(), "merged blanks only")),
            entry("poi__SampleSS.strict.xlsx", o -> {
                assertEquals("First Sheet", o.sheet(), "Strict OOXML is read through its own relationship types");
                assertCell(o, 4, 0, CellKind.TEXT, "This one is red");
            }),
            entry("poi__59021_prefixed_ns_minimal.xlsx", o -> {
                assertEquals("ERIS Rates & Codes", o.sheet());
                assertEquals("Destination", o.table().header.get(0));
                assertCell(o, 2, 2, CellKind.DECIMAL, "0.1345");
            }),
            entry("poi__59746_NoRowNums.xlsx", o -> {
                assertEquals("Checked", o.table().header.get(0));
                assertCell(o, 2, 0, CellKind.BOOLEAN, "true");
                assertCell(o, 2, 3, CellKind.DECIMAL, "644.24222");
            }),
            entry("poi__DateFormats.xls", o -> {
                assertEquals(0, o.table().headerRow);
                o.table().rows.forEach(row -> assertEquals("2007-08-10", row.text(1), "row " + row.number()));
            }),
            entry("poi__InlineStrings.xlsx", o -> {
                assertEquals(List.of("Numbers", "Strings", "Inline Strings", "Formulas"), o.table().header);
                assertCell(o, 2, 2, CellKind.TEXT, "1st Inline String");
                assertCell(o, 2, 3, CellKind.INTEGER, "12");
            }),
            entry("poi__TwoSheetsOneHidden.xlsx", o -> {
                assertEquals("Sheet2", o.sheet(), "the hidden first sheet is skipped");
                assertEquals(List.of("Sheet2A1"), o.table().header);
            }),
            entry("poi__noSharedStringTable.xlsx", o -> {
                assertCell(o, 1, 0, CellKind.DATE, "2006-04-12");
                assertCell(o, 1, 1, CellKind.INTEGER, "123");
            }),
            entry("sjs__A4X_gnumeric.xls", o -> assertEquals(List.of("x"), o.table().header)),
            entry("sjs__Attendance_numbers.xlsx", o -> {
                assertEquals(2, o.table().headerRow);
                assertEquals("Ben \nAshley", o.table().header.get(1));
                assertCell(o, 3, 0, CellKind.DATE, "2020-10-01");
                assertCell(o, 3, 1, CellKind.BOOLEAN, "false");
            }),
            entry("sjs__ErrorTypes.xlsx", o -> {
                assertTrue(o.table().errors.containsAll(List.of("A3=#DIV/0!", "A8=#N/A", "A6=#NAME?")),
                        o.table().errors.toString());
                assertCell(o, 2, 2, CellKind.TEXT, "#NULL?");
            }),
            entry("sjs__LONumbers_libreoffice.xls", o -> {
                assertCell(o, 1, 2, CellKind.DECIMAL, "-1.2");
                assertCell(o, 3, 3, CellKind.DATE, "1900-01-12");
                assertCell(o, 3, 2, CellKind.DECIMAL, "-1.2");
            }),
            entry("sjs__wps_fn.xlsx", o -> {
                assertCell(o, 2, 2, CellKind.INTEGER, "2");
                assertEquals(List.of("C3=#VALUE!"), o.table().errors);
            }),
            entry("tab__percentage.xlsx", o -> assertCell(o, 2, 1, CellKind.DECIMAL, "0.52")),
            entry("tab__skip-rows_numbers_1904.xlsx", o -> {
                assertEquals(2, o.table().headerRow, "the merged title row is skipped");
                assertEquals(List.of("A", "B"), o.table().header);
                assertCell(o, 3, 1, CellKind.INTEGER, "9");
            }),
            entry("univ__european_semicolon.csv", o -> {
                assertEquals(List.of("Year", "Make", "Model", "Description", "Price", ""), o.table().header);
                assertCell(o, 2, 3, CellKind.TEXT, "ac; abs; moon");
                assertCell(o, 2, 4, CellKind.TEXT, "3000,00");
                assertCell(o, 4, 3, CellKind.TEXT, "MUST SELL!\nair; moon roof; loaded");
            }),
            entry("xlrd__ragged.xls", o -> {
                assertEquals(List.of("a", "b", "c", ""), o.table().header);
                assertCell(o, 4, 3, CellKind.TEXT, "j");
                assertNull(o.table().row(3).at(1));
            }));

    static Stream<String> manifest() {
        return Corpus.manifest().stream();
    }

    @ParameterizedTest
    @MethodSource("manifest")
    void readsOrRefusesEachCorpusFileAsExpected(String file) {
        ProblemType refusal = REFUSED.get(file);
        Consumer<Corpus.Outcome> expectation = READ.get(file);
        assertTrue(refusal == null ^ expectation == null, file + " needs exactly one expectation in this test");
        if (refusal != null) {
            ProblemException e = assertThrows(ProblemException.class, () -> Corpus.read(file));
            assertEquals(refusal.uri(), e.problem().type(), file + ": " + e.getMessage());
        } else {
            expectation.accept(Corpus.read(file));
        }
    }

    @Test
    void readsLatin1CsvWhenItsEncodingIsDeclared() {
        ProblemException undeclared = assertThrows(ProblemException.class, () -> Corpus.read("csvkit__latin1.csv"));
        assertTrue(undeclared.problem().detail().contains("byte 0xA9 at line 3"), undeclared.problem().detail());
        assertEquals(3L, undeclared.problem().row());

        Corpus.Outcome declared = Corpus.read("csvkit__latin1.csv", new ReadOptions(null, null, "ISO-8859-1"),
                TestLimits.defaults());

        assertCell(declared, 3, 2, CellKind.TEXT, "©");
    }

    @Test
    void manifestListsEveryCorpusFile() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(Corpus.DIR)) {
            onDisk = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals("MANIFEST.tsv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, new TreeSet<>(Corpus.manifest()));
    }

    private static void dates1904(Corpus.Outcome o) {
        assertCell(o, 1, 0, CellKind.DATE, "2021-01-01");
        assertCell(o, 2, 0, CellKind.DATE, "2021-01-02");
        assertCell(o, 3, 0, CellKind.TEXT, "255:10:10");
        assertCell(o, 3, 1, CellKind.INTEGER, "17");
    }

    private static void chineseTable(Corpus.Outcome o) {
        assertEquals(List.of("序号", "姓名", "年龄", "职业", "title"), o.table().header);
        assertCell(o, 2, 1, CellKind.TEXT, "张三");
        assertCell(o, 2, 2, CellKind.INTEGER, "19");
        assertCell(o, 2, 4, CellKind.TEXT, "小组长");
        assertNull(o.table().row(5).at(4), "the trailing empty field is blank");
    }

    private static void assertCell(Corpus.Outcome o, long row, int column, CellKind kind, String text) {
        Cell cell = o.table().row(row).at(column);
        String where = CellReference.letters(column) + row;
        assertEquals(new Cell(column, kind, text), cell == null ? null : new Cell(cell.column(), cell.kind(),
                cell.text()), where);
    }
}
