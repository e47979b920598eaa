package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sheetingest.problem.ProblemType;

/**
 * A damaged xlsx is refused as unreadable (422) with a message that names what is damaged and where, never with
 * POI's or the JDK's: a shared-string index the workbook does not have, a boolean that is none, a cell reference
 * beyond column XFD, a sheet whose part is missing, a part that inflates like a zip bomb.
 */
class DamagedXlsxTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "99999 | Cell B3 refers to shared string 99999, but the workbook has only 2",
        "-1    | Cell B3 refers to shared string -1, but shared strings count from 0",
        "abc   | Cell B3 refers to shared string 'abc', which is not a number"})
    void refusesASharedStringIndexTheWorkbookDoesNotHave(String index, String message) throws IOException {
        Path book = withSheet("<c r=\"A3\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>" + index + "</v></c>");

        SheetReadException e = assertRefused(book, message);
        assertEquals(3L, e.problem().row());
        assertEquals("B", e.problem().column());
    }

    @Test
    void readsBooleansWrittenAsDigitsOrWords() throws IOException {
        Path book = withSheet("<c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>0</v></c>",
                "<c r=\"A4\" t=\"b\"><v>true</v></c><c r=\"B4\" t=\"b\"><v>FALSE</v></c>");

        Table table = read(book);

        assertEquals(List.of("true", "false"), texts(table.row(3)));
        assertEquals(List.of("true", "false"), texts(table.row(4)));
    }

    @Test
    void refusesABooleanThatIsNone() throws IOException {
        Path book = withSheet("<c r=\"A3\" t=\"b\"><v>7</v></c>");

        assertRefused(book, "Cell A3 is a boolean cell holding '7', which is neither 1/0 nor true/false");
    }

    @ParameterizedTest
    @CsvSource({"ZZZZ3", "XFE3", "2A"})
    void refusesACellReferenceThatNamesNoColumn(String reference) throws IOException {
        Path book = withSheet("<c r=\"A3\"><v>1</v></c><c r=\"" + reference + "\"><v>2</v></c>");

        SheetReadException e = assertRefused(book, "Row 3 has a cell with the damaged reference '" + reference
                + "', which names no column from A to XFD");
        assertEquals(3L, e.problem().row());
    }

    @Test
    void readsTheLastColumn() throws IOException {
        Path book = withSheet("<c r=\"A3\"><v>1</v></c><c r=\"XFD3\"><v>2</v></c>");

        assertEquals("2", read(book).row(3).text(16383));
    }

    @Test
    void refusesASheetWhosePartIsMissing() throws IOException {
        Path book = rewrite(base(), Map.of("xl/_rels/workbook.xml.rels",
                rels -> rels.replace("worksheets/sheet1.xml", "worksheets/nope.xml")));

        assertRefused(book, "The workbook lists sheet 'Data' but its part /xl/worksheets/nope.xml is missing");
    }

    @Test
    void refusesAPartThatInflatesLikeAZipBomb() throws IOException {
        String padding = " ".repeat(200_000);
        Path book = rewrite(base(), Map.of(SHEET, sheet -> sheet.replace("<sheetData>", padding + "<sheetData>")));

        assertRefused(book, "The file inflates more than 100 times when unzipped (part " + SHEET
                + "), as zip bombs do: refused");
    }

    @Test
    void describesXmlDamagedBeforeTheFirstRowWithoutParserInternals() throws IOException {
        Path book = rewrite(base(), Map.of(SHEET, sheet -> sheet.substring(0, sheet.indexOf("<sheetData>") + 5)));

        SheetReadException e = assertThrows(SheetReadException.class, () -> read(book));

        assertTrue(e.getMessage().startsWith("The sheet's XML is damaged before its first row: "), e.getMessage());
        assertFalse(e.getMessage().contains("[row,col"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(null, e.problem().row());
    }

    private static SheetReadException assertRefused(Path book, String message) {
        SheetReadException e = assertThrows(SheetReadException.class, () -> read(book));
        assertEquals(ProblemType.UNREADABLE_FILE.uri(), e.problem().type(), e.getMessage());
        assertEquals(422, e.problem().status());
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("ZipSecureFile"), e.getMessage());
        return e;
    }

    private static Table read(Path book) {
        return Table.ofXlsx(book);
    }

    private static List<String> texts(Table.Row row) {
        return row.cells().stream().map(Cell::text).toList();
    }

    /** A POI-written workbook whose header row holds the two shared strings "a" and "b". */
    private Path base() {
        return Workbooks.write(dir, Workbooks.Kind.XLSX,
                workbook -> Workbooks.textRow(workbook.getSheetAt(0), 0, "a", "b"));
    }

    /** The base workbook with its sheet's rows replaced: the header "a", "b" in row 1, then rows 3, 4, ... */
    private Path withSheet(String... rows) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
        for (int i = 0; i < rows.length; i++) {
            xml.append("<row r=\"").append(i + 3).append("\">").append(rows[i]).append("</row>");
        }
        String sheet = xml.append("</sheetData></worksheet>").toString();
        return rewrite(base(), Map.of(SHEET, old -> sheet));
    }

    /** A copy of {@code book} with each named part's text replaced by what its function makes of it. */
    private Path rewrite(Path book, Map<String, UnaryOperator<String>> parts) throws IOException {
        Path damaged = Files.createTempFile(dir, "damaged", ".xlsx");
        try (ZipFile zip = new ZipFile(book.toFile());
                OutputStream file = Files.newOutputStream(damaged);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int replaced = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (parts.containsKey(entry.getName())) {
                    bytes = parts.get(entry.getName()).apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    replaced++;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            assertEquals(parts.size(), replaced, "the workbook lacks one of " + parts.keySet());
        }
        return damaged;
    }
}
