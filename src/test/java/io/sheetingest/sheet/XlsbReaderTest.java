package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsbReaderTest {

    private static final Path WORKBOOK = Corpus.DIR.resolve("cal__date_1904.xlsb");

    @TempDir
    Path dir;

    @Test
    void readsMergedRegionsFromTheSheetsMergeCellRecords() throws IOException {
        Path merged = withMergedRegions(dir.resolve("merged.xlsb"), new int[] {0, 1, 0, 2}, new int[] {4, 4, 1, 3});
        List<List<CellRange>> seen = new ArrayList<>();

        new XlsbReader().read(merged, ReadOptions.defaults(), new RowHandler() {
            private MergedCells regions;

            @Override
            public void start(String sheet, MergedCells mergedCells) {
                regions = mergedCells;
            }

            @Override
            public void row(long rowNumber, List<Cell> cells) {
                if (seen.isEmpty()) {
                    // looked up while the sheet is read, as the header finder does
                    seen.add(regions.overlapping(1, 1));
                    seen.add(regions.overlapping(2, 2));
                    seen.add(regions.overlapping(3, 4));
                    seen.add(regions.overlapping(5, 9));
                }
            }
        });

        assertEquals(List.of(new CellRange(1, 2, 0, 2)), seen.get(0));
        assertEquals(List.of(new CellRange(1, 2, 0, 2)), seen.get(1));
        assertEquals(List.of(), seen.get(2));
        assertEquals(List.of(new CellRange(5, 5, 1, 3)), seen.get(3));
    }

    /**
     * The corpus workbook with BrtBeginMergeCells, one BrtMergeCell per region (0-based rwFirst, rwLast, colFirst,
     * colLast) and BrtEndMergeCells inserted after BrtEndSheetData, where Excel writes them; POI cannot write xlsb.
     */
    private static Path withMergedRegions(Path target, int[]... regions) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        records.write(new byte[] {(byte) 0xB1, 0x01, 0x04, (byte) regions.length, 0, 0, 0});
        for (int[] region : regions) {
            records.write(new byte[] {(byte) 0xB0, 0x01, 0x10});
            for (int value : region) {
                records.write(new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
            }
        }
        records.write(new byte[] {(byte) 0xB2, 0x01, 0x00});
        byte[] endSheetData = {(byte) 0x92, 0x01, 0x00};
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(WORKBOOK));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.bin")) {
                    int at = indexOf(bytes, endSheetData) + endSheetData.length;
                    ByteArrayOutputStream patched = new ByteArrayOutputStream();
                    patched.write(bytes, 0, at);
                    patched.write(records.toByteArray());
                    patched.write(bytes, at, bytes.length - at);
                    bytes = patched.toByteArray();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("BrtEndSheetData not found");
    }

    @Test
    void readsDateSystemAndSheetStatesFromWorkbookRecords() throws Exception {
        try (OPCPackage pkg = OPCPackage.open(WORKBOOK.toFile(), PackageAccess.READ);
                InputStream workbook = new XSSFBReader(pkg).getWorkbookData()) {
            WorkbookProperties properties = XlsbWorkbookProperties.read(workbook);

            assertTrue(properties.date1904(), "the workbook uses the 1904 date system");
            assertEquals(Set.of(), properties.hiddenSheets());
        }
    }

    @Test
    void readsTheSheetItIsAskedFor() {
        Table table = new Table();
        String sheet = new TableReader(new XlsbReader(), TestLimits.defaults())
                .read(WORKBOOK, new ReadOptions("Sheet1", null), table);

        assertEquals("Sheet1", sheet);
        assertEquals(3, table.rows.size());
    }

    @Test
    void refusesASheetNameTheWorkbookDoesNotHave() {
        SheetReadException e = assertThrows(SheetReadException.class, () -> new XlsbReader()
                .read(WORKBOOK, new ReadOptions("Missing", null), new HeaderFinder(null, 20, new Table())));

        assertEquals(422, e.problem().status());
        assertEquals("Missing", e.problem().sheet());
    }
}
