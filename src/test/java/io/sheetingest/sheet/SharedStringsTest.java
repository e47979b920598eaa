package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedStringsTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final long ON_THE_HEAP = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void decodesExcelEscapesLikePoi() {
        assertEquals("a\rb", SharedStrings.decode("a_x000D_b"));
        assertEquals("_x00_ kept", SharedStrings.decode("_x00_ kept"), "an incomplete escape stays as written");
        assertEquals("no escapes", SharedStrings.decode("no escapes"));
    }

    @Test
    void readsTheSameStringsAsPoiForEveryCorpusWorkbook() throws Exception {
        int compared = 0;
        for (Path file : workbooks()) {
            List<String> expected;
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
                expected = new ArrayList<>();
                for (int i = 0; i < poi.getUniqueCount(); i++) {
                    expected.add(poi.getItemAt(i).getString());
                }
                // all on the heap, all spilled, and split between the two
                for (long memoryBytes : new long[] {ON_THE_HEAP, 0, 200}) {
                    try (SharedStrings ours = SharedStrings.read(pkg, memoryBytes, dir)) {
                        for (int i = 0; i < expected.size(); i++) {
                            assertEquals(expected.get(i), ours.get(i), file.getFileName() + " string " + i
                                    + " with " + memoryBytes + " bytes of heap");
                        }
                    }
                }
                compared++;
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException
                    | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    | org.apache.poi.ooxml.POIXMLException | org.xml.sax.SAXException e) {
                // damaged or encrypted corpus files: CorpusConformanceTest covers how they are refused
            }
        }
        assertEquals(true, compared > 10, "most corpus workbooks have shared strings to compare, compared " + compared);
        assertEquals(List.of(), files(), "every spill file was deleted");
    }

    @Test
    void refusesAnIndexOutOfRangeAsBefore() throws Exception {
        Path book = Workbooks.write(dir, Workbooks.Kind.XLSX, workbook -> {
            Workbooks.textRow(workbook.getSheetAt(0), 0, "a", "b");
        });
        for (long memoryBytes : new long[] {ON_THE_HEAP, 0}) {
            try (OPCPackage pkg = OPCPackage.open(book.toFile(), PackageAccess.READ);
                    SharedStrings strings = SharedStrings.read(pkg, memoryBytes, dir)) {
                assertEquals("b", strings.get(1));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> strings.get(2));
                assertEquals("Cannot get item at 2 with 2 strings", e.getMessage());
                assertThrows(IllegalStateException.class, () -> strings.get(-1));
            }
        }
    }

    @Test
    void deletesTheSpillFileWhenTheReadEnds() throws IOException {
        Path book = manyStrings(500);
        Table table = new Table();
        List<Integer> filesWhileReading = new ArrayList<>();
        TestLimits limits = TestLimits.defaults().withSharedStringsMemoryBytes(1000);

        new XlsxReader(limits, dir).read(book, ReadOptions.defaults(), new RowHandler() {
            @Override
            public void row(long rowNumber, List<Cell> cells) {
                filesWhileReading.add(spillFiles().size());
                table.row(rowNumber, cells);
            }
        });

        assertEquals(500, table.rows.size());
        assertEquals("ü-499 ✓", table.row(500).text(0));
        assertEquals(2, filesWhileReading.get(0), "the strings past 1000 bytes were spilled");
        assertEquals(List.of(), spillFiles());
    }

    @Test
    void deletesTheSpillFileWhenTheReadFails() throws IOException {
        Path book = manyStrings(500);
        TestLimits limits = TestLimits.defaults().withSharedStringsMemoryBytes(0);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new XlsxReader(limits, dir).read(book, ReadOptions.defaults(), (rowNumber, cells) -> {
                    assertEquals(2, spillFiles().size());
                    throw new IllegalStateException("the handler gave up at row " + rowNumber);
                }));

        assertEquals("the handler gave up at row 1", e.getMessage());
        assertEquals(List.of(), spillFiles());
    }

    @Test
    void deletesTheSpillFileWhenTheSharedStringsPartIsDamaged() throws IOException {
        Path book = manyStrings(500);
        Path damaged = dir.resolve("damaged.xlsx");
        truncateSharedStrings(book, damaged);
        TestLimits limits = TestLimits.defaults().withSharedStringsMemoryBytes(0);

        SheetReadException e = assertThrows(SheetReadException.class,
                () -> new XlsxReader(limits, dir).read(damaged, ReadOptions.defaults(), (rowNumber, cells) -> { }));

        assertEquals(422, e.problem().status());
        assertEquals(List.of(), spillFiles());
    }

    /** One text column whose rows are all different shared strings. */
    private Path manyStrings(int rows) {
        return Workbooks.write(dir, Workbooks.Kind.XLSX, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows; r++) {
                Workbooks.textRow(sheet, r, "ü-" + r + " ✓");
            }
        });
    }

    /** A copy of {@code book} whose shared-strings part stops halfway through. */
    private static void truncateSharedStrings(Path book, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(book.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("xl/sharedStrings.xml")) {
                        String xml = new String(bytes, StandardCharsets.UTF_8);
                        bytes = xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
    }

    private List<Path> spillFiles() {
        try {
            return files().stream().filter(f -> f.getFileName().toString().startsWith("sheet-ingest-")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".xlsx")).toList();
        }
    }

    private static List<Path> workbooks() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(CORPUS, "*.xlsx")) {
            dir.forEach(files::add);
        }
        return files;
    }
}
