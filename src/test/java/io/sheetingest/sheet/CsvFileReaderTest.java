package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sheetingest.problem.ProblemException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFileReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void sniffsTheDelimiter(String delimiter) throws IOException {
        Table table = read("id" + delimiter + "price\n1" + delimiter + "2.50\n", StandardCharsets.UTF_8);

        assertEquals(List.of("id", "price"), table.header);
        assertEquals(new Cell(1, CellKind.DECIMAL, "2.5", "2.50"), table.row(2).at(1));
    }

    @Test
    void typesOnlyUnambiguousValues() throws IOException {
        Table table = read("a,b,c,d,e,f,g,h\n"
                + "007,-12,3.140,TRUE,2024-02-29,2024-02-29 13:45:00.5,08:30:00,1e5\n", StandardCharsets.UTF_8);

        Table.Row row = table.row(2);
        assertEquals(new Cell(0, CellKind.TEXT, "007"), row.at(0));
        assertEquals(new Cell(1, CellKind.INTEGER, "-12"), row.at(1));
        assertEquals(new Cell(2, CellKind.DECIMAL, "3.14", "3.140"), row.at(2), "shown as written");
        assertEquals(new Cell(3, CellKind.BOOLEAN, "true", "TRUE"), row.at(3));
        assertEquals(new Cell(4, CellKind.DATE, "2024-02-29"), row.at(4));
        assertEquals(new Cell(5, CellKind.TIMESTAMP, "2024-02-29 13:45:00.500", "2024-02-29 13:45:00.5"), row.at(5));
        assertEquals(new Cell(6, CellKind.TIME, "08:30:00"), row.at(6));
        assertEquals(new Cell(7, CellKind.TEXT, "1e5"), row.at(7), "exponent notation is not guessed at");
    }

    @Test
    void keepsImpossibleDatesAsText() throws IOException {
        Table table = read("d\n2023-02-30\n", StandardCharsets.UTF_8);

        assertEquals(new Cell(0, CellKind.TEXT, "2023-02-30"), table.row(2).at(0));
    }

    @Test
    void numbersRowsByTheLineTheyStartOn() throws IOException {
        Table table = read("k,v\n\"multi\nline\",1\nnext,2\n", StandardCharsets.UTF_8);

        assertEquals("multi\nline", table.row(2).text(0));
        assertEquals("next", table.row(4).text(0));
    }

    @Test
    void readsEmptyFieldsAsBlank() throws IOException {
        Table table = read("a,b,c\n,\"\",x\n", StandardCharsets.UTF_8);

        assertNull(table.row(2).at(0));
        assertNull(table.row(2).at(1), "a quoted empty string is blank too");
        assertEquals("x", table.row(2).text(2));
    }

    @Test
    void keepsTextAfterAClosingQuote() throws IOException {
        Table table = read("a,b\n\"x\"y,2\n", StandardCharsets.UTF_8);

        assertEquals("xy", table.row(2).text(0));
        assertEquals("2", table.row(2).text(1));
    }

    @Test
    void decodesUtf16BigEndianWithByteOrderMark() throws IOException {
        byte[] text = "名前,数\n東京,1\n".getBytes(StandardCharsets.UTF_16BE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFE;
        withBom[1] = (byte) 0xFF;
        System.arraycopy(text, 0, withBom, 2, text.length);

        Table table = read(Files.write(dir.resolve("utf16be.csv"), withBom));

        assertEquals(List.of("名前", "数"), table.header);
        assertEquals("東京", table.row(2).text(0));
    }

    @Test
    void recognisesUtf16LittleEndianWithoutByteOrderMark() throws IOException {
        Table table = read("city;zip\nZürich;8001\n", StandardCharsets.UTF_16LE);

        assertEquals(List.of("city", "zip"), table.header);
        assertEquals("Zürich", table.row(2).text(0));
    }

    @Test
    void decodesGb18030WhenBytesAreNotUtf8() throws IOException {
        Table table = read("城市,人口\n上海,24870895\n", Charset.forName("GB18030"));

        assertEquals(List.of("城市", "人口"), table.header);
        assertEquals(new Cell(0, CellKind.TEXT, "上海"), table.row(2).at(0));
    }

    @Test
    void refusesWesternBytesUnlessTheirEncodingIsDeclared() throws IOException {
        Path file = Files.write(dir.resolve("western.csv"), "name\nAnna\nCafé €5\n".getBytes(
                Charset.forName("windows-1252")));

        SheetReadException e = assertThrows(SheetReadException.class, () -> read(file));

        assertEquals(422, e.problem().status());
        assertEquals(3L, e.problem().row());
        assertTrue(e.problem().detail().startsWith("The CSV file is neither UTF-8 nor GB18030 text (byte 0xE9 at "
                + "line 3"), e.problem().detail());
        assertTrue(e.problem().detail().contains("form field 'encoding'"), e.problem().detail());
        assertEquals("Café €5", read(file, TextEncoding.declared("windows-1252")).row(3).text(0));
    }

    @Test
    void doesNotTakeShortLatin1TextForGb18030() throws IOException {
        // ü followed by l (0xFC 0x6C) is a valid GB18030 pair, but no Chinese text looks like that
        Path file = Files.write(dir.resolve("names.csv"), "name\nMüller\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThrows(SheetReadException.class, () -> read(file));
        assertEquals("Müller", read(file, TextEncoding.declared("latin1")).row(2).text(0));
    }

    @Test
    void refusesBytesThatDoNotDecodeInTheDeclaredEncoding() throws IOException {
        Path file = Files.write(dir.resolve("mislabelled.csv"), "a\nok\nZ\u00fcrich\n".getBytes(
                StandardCharsets.ISO_8859_1));

        SheetReadException e = assertThrows(SheetReadException.class, () -> read(file, "UTF-8"));

        assertTrue(e.problem().detail().startsWith("The CSV file is not UTF-8 text as declared (byte 0xFC at line 3"),
                e.problem().detail());
    }

    @Test
    void skipsTheByteOrderMarkOfADeclaredUtf8File() throws IOException {
        byte[] text = "\uFEFFname\nÅse\n".getBytes(StandardCharsets.UTF_8);

        Table table = read(Files.write(dir.resolve("bom.csv"), text), "UTF-8");

        assertEquals(List.of("name"), table.header);
        assertEquals("Åse", table.row(2).text(0));
    }

    @Test
    void refusesAnUnknownDeclaredEncoding() {
        ProblemException e = assertThrows(ProblemException.class, () -> TextEncoding.declared("klingon-8"));

        assertEquals(400, e.problem().status());
        assertEquals("ISO-8859-1", TextEncoding.declared(" latin1 "));
        assertNull(TextEncoding.declared(" "));
    }

    @Test
    void reportsLinesWithMoreOrFewerFieldsThanTheHeader() throws IOException {
        Table table = read("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", StandardCharsets.UTF_8);

        assertEquals(List.of("Line 3 has 2 fields where line 1 has 3: the missing values are NULL",
                "Line 4 has 4 fields where line 1 has 3: the extra values are kept in columns of their own"),
                table.warnings);
        assertEquals("9", table.row(4).text(3));
        assertNull(table.row(3).at(2));
    }

    @Test
    void reportsRaggedLinesAgainstTheFirstRowWhenThereIsNoHeader() throws IOException {
        Table table = read("1,2,3\n4,5,6\n7,8\n", StandardCharsets.UTF_8);

        assertEquals(0, table.headerRow);
        assertEquals(List.of("Line 3 has 2 fields where line 1 has 3: the missing values are NULL"), table.warnings);
    }

    @Test
    void refusesAQuoteThatIsNeverClosed() throws IOException {
        StringBuilder text = new StringBuilder("id,name,qty\n1,alpha,10\n2,\"bravo,20\n");
        for (int i = 3; i < 1000; i++) {
            text.append(i).append(",item ").append(i).append(',').append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("stray.csv"), text);

        SheetReadException e = assertThrows(SheetReadException.class, () -> read(file));

        assertEquals(3L, e.problem().row());
        assertTrue(e.problem().detail().startsWith("Line 3 opens a quoted field that is never closed"),
                e.problem().detail());
        assertThrows(SheetReadException.class, () -> read("a,b\n1,\"x\n", StandardCharsets.UTF_8),
                "an unclosed quote on the last line too");
        assertThrows(SheetReadException.class, () -> read("a,b\n1,\"x\n2,y", StandardCharsets.UTF_8),
                "and in a file without a final line break");
        SheetReadException lastLine = assertThrows(SheetReadException.class,
                () -> read("a,b\n1,2\n3,\"open", StandardCharsets.UTF_8), "opened on the last line, no line break");
        assertEquals(3L, lastLine.problem().row());
    }

    @Test
    void keepsAQuotedLineBreakInTheLastRecordAndInchMarksElsewhere() throws IOException {
        Table table = read("item,note\n12\" pipe,ok\nvalve,\"two\nlines\"\n", StandardCharsets.UTF_8);
        Table unterminated = read("item,note\nvalve,\"two\nlines\"", StandardCharsets.UTF_8);

        assertEquals("12\" pipe", table.row(2).text(0));
        assertEquals("two\nlines", table.row(3).text(1));
        assertEquals("two\nlines", unterminated.row(2).text(1), "closed, though the file lacks a final line break");
        Table inchAtTheEnd = read("item,note\nvalve,3\" bore", StandardCharsets.UTF_8);
        assertEquals("3\" bore", inchAtTheEnd.row(2).text(1), "a quote inside a field on the last line is text");
        Table closedAtTheEnd = read("a,b\n1,\"x, \"\"y\"\"\"", StandardCharsets.UTF_8);
        assertEquals("x, \"y\"", closedAtTheEnd.row(2).text(1));
    }

    @Test
    void keepsMicrosecondsAndLeavesYearZeroAsText() throws IOException {
        Table table = read("at,time,day\n2024-02-29 13:45:00.123456,08:30:00.654321,0000-01-01\n",
                StandardCharsets.UTF_8);

        assertEquals(new Cell(0, CellKind.TIMESTAMP, "2024-02-29 13:45:00.123456"), table.row(2).at(0));
        assertEquals(new Cell(1, CellKind.TIME, "08:30:00.654321"), table.row(2).at(1));
        assertEquals(new Cell(2, CellKind.TEXT, "0000-01-01"), table.row(2).at(2), "PostgreSQL has no year 0");
    }

    @Test
    void countsLinesEndedByCarriageReturnsAloneInEncodingErrors() throws IOException {
        Path file = Files.write(dir.resolve("mac.csv"), "a\rb\rCaf\u00e9\r".getBytes(StandardCharsets.ISO_8859_1));

        SheetReadException e = assertThrows(SheetReadException.class, () -> read(file));

        assertEquals(3L, e.problem().row(), e.problem().detail());
    }

    private Table read(String text, Charset charset) throws IOException {
        return read(Files.write(dir.resolve("t" + System.nanoTime() + ".csv"), text.getBytes(charset)));
    }

    private static Table read(Path file) {
        return read(file, null);
    }

    private static Table read(Path file, String encoding) {
        Table table = new Table();
        new TableReader(new CsvFileReader(), TestLimits.defaults()).read(file, new ReadOptions(null, null, encoding),
                table);
        return table;
    }
}
