package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sheetingest.problem.ProblemType;

/**
 * Hostile XML in an xlsx's parts is refused with a 422 in well under a second: entity-expansion bombs ("billion
 * laughs"), external entities and external DTDs are never expanded or loaded. The worksheet and shared-strings
 * parts go through Aalto ({@link SheetXml}), the workbook and styles parts through POI's JDK parser; both refuse any
 * document type declaration.
 */
class HostileXmlTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String SECRET = "not-for-the-sheet";
    /** Refusing takes milliseconds; expanding would take minutes and gigabytes. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    /** Ten levels of ten references: {@code &lol9;} would expand to a billion "lol"s. */
    private static final String LAUGHS = laughs();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void readsTheSamePartWithoutTheHostileBits(String part) throws IOException {
        Path book = withPart(part, xml(part, "", "plain &amp; simple"));

        assertEquals(List.of("plain & simple"), read(book).header);
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void refusesBillionLaughs(String part) throws IOException {
        Path book = withPart(part, xml(part, "<!DOCTYPE lolz [" + LAUGHS + "]>", "&lol9;"));

        assertRefused(book, "DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void refusesBillionLaughsFromAnExternalDtd(String part) throws IOException {
        Path dtd = Files.writeString(dir.resolve("laughs.dtd"), LAUGHS);
        Path book = withPart(part, xml(part, "<!DOCTYPE lolz SYSTEM \"" + dtd.toUri() + "\">", "&lol9;"));

        assertRefused(book, "DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void neverReadsAnExternalEntity(String part) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path book = withPart(part, xml(part, "<!DOCTYPE x [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>",
                "&file;"));

        SheetReadException e = assertRefused(book, "DOCTYPE");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void refusesAReferenceToAnUndeclaredEntity(String part) throws IOException {
        Path book = withPart(part, xml(part, "", "&lol9;"));

        assertRefused(book, "lol9");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS, "xl/workbook.xml", "xl/styles.xml"})
    void refusesAnyDocumentTypeDeclaration(String part) throws IOException {
        Path base = base();
        String original;
        try (ZipFile zip = new ZipFile(base.toFile()); InputStream in = zip.getInputStream(zip.getEntry(part))) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int prolog = original.startsWith("<?xml") ? original.indexOf("?>") + 2 : 0;
        String withDoctype = original.substring(0, prolog) + "<!DOCTYPE x [<!ENTITY a \"b\">]>"
                + original.substring(prolog);

        assertRefused(replace(base, part, withDoctype), "DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, SHARED_STRINGS})
    void refusesAPartCutShortAnywhere(String part) throws IOException {
        Path base = Workbooks.write(dir, Workbooks.Kind.XLSX, workbook -> {
            for (int r = 0; r < 40; r++) {
                Row row = Workbooks.textRow(workbook.getSheetAt(0), r, "text " + r, "ü " + r);
                row.createCell(2).setCellValue(r * 1.5);
            }
        });
        byte[] whole;
        try (ZipFile zip = new ZipFile(base.toFile()); InputStream in = zip.getInputStream(zip.getEntry(part))) {
            whole = in.readAllBytes();
        }
        for (int cut = 1; cut < whole.length; cut += Math.max(1, whole.length / 97)) {
            String shortened = new String(whole, 0, cut, StandardCharsets.UTF_8);
            SheetReadException e = assertThrows(SheetReadException.class, () -> read(replace(base, part, shortened)),
                    part + " cut after " + shortened.length() + " characters");
            assertEquals(422, e.problem().status(), e.getMessage());
        }
    }

    /** Refused as unreadable (422) within {@link #QUICKLY}, for a reason whose message names {@code why}. */
    private static SheetReadException assertRefused(Path book, String why) {
        SheetReadException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(SheetReadException.class, () -> read(book)));
        assertEquals(ProblemType.UNREADABLE_FILE.uri(), e.problem().type(), e.getMessage());
        assertEquals(422, e.problem().status());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        return e;
    }

    private static Table read(Path book) {
        return Table.ofXlsx(book);
    }

    /** The part with {@code doctype} after its XML declaration and {@code text} as its one cell's text. */
    private static String xml(String part, String doctype, String text) {
        String body = part.equals(SHEET)
                ? "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                        + text + "</t></is></c></row></sheetData></worksheet>"
                : "<sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>" + text + "</t></si></sst>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype + body;
    }

    private static String laughs() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"");
            dtd.append(("&lol" + (level - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        return dtd.toString();
    }

    /** A POI-written workbook whose one text cell is a shared string, with {@code part} replaced. */
    private Path withPart(String part, String xml) throws IOException {
        return replace(base(), part, xml);
    }

    private Path base() {
        return Workbooks.write(dir, Workbooks.Kind.XLSX,
                workbook -> Workbooks.textRow(workbook.getSheetAt(0), 0, "laughs"));
    }

    private Path replace(Path book, String part, String xml) throws IOException {
        Path hostile = dir.resolve("hostile" + System.nanoTime() + ".xlsx");
        try (ZipFile zip = new ZipFile(book.toFile());
                OutputStream file = Files.newOutputStream(hostile);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            boolean replaced = false;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    out.write(xml.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            assertEquals(true, replaced, "the workbook has no part " + part);
        }
        return hostile;
    }
}
