package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit refuses a file just past it, with a 422 that points at the row and column. */
class SheetLimitsTest {

    @TempDir
    Path dir;

    @Test
    void refusesSheetWithMoreRowsThanMaxRows() throws IOException {
        Path csv = csv("n\n1\n2\n3\n");

        assertEquals(3, read(csv, TestLimits.defaults().withMaxRows(4)).rows.size());
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> read(csv, TestLimits.defaults().withMaxRows(3)));
        assertEquals(422, e.problem().status());
        assertEquals(4L, e.problem().row());
    }

    @Test
    void refusesCellBeyondMaxColumns() throws IOException {
        Path csv = csv("a,b,c\n1,2,3\n");

        assertEquals(3, read(csv, TestLimits.defaults().withMaxColumns(3)).header.size());
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> read(csv, TestLimits.defaults().withMaxColumns(2)));
        assertEquals("C", e.problem().column());
        assertEquals(1L, e.problem().row());
    }

    @Test
    void refusesCellLongerThanMaxCellChars() throws IOException {
        Path csv = csv("a\nshort\n" + "x".repeat(11) + "\n");

        assertEquals(2, read(csv, TestLimits.defaults().withMaxCellChars(11)).rows.size());
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> read(csv, TestLimits.defaults().withMaxCellChars(10)));
        assertEquals(3L, e.problem().row());
        assertTrue(e.getMessage().contains("max-cell-chars"), e.getMessage());
    }

    @Test
    void findsHeaderOnlyWithinHeaderScanRows() throws IOException {
        Path csv = csv("Report\nDraft\nConfidential\nid,name\n1,Ann\n");

        assertEquals(4, read(csv, TestLimits.defaults()).headerRow);
        assertEquals(1, read(csv, TestLimits.defaults().withHeaderScanRows(2)).headerRow,
                "a window of two one-cell rows cannot see the wider table");
    }

    @Test
    void refusesXlsLargerThanMaxXlsBytes() throws IOException {
        Path xls = Workbooks.write(dir, Workbooks.Kind.XLS, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            Workbooks.textRow(sheet, 0, "a");
            Workbooks.textRow(sheet, 1, "b");
        });
        long size = Files.size(xls);
        TestLimits fits = TestLimits.defaults().withMaxXlsBytes(size);
        TestLimits tooSmall = TestLimits.defaults().withMaxXlsBytes(size - 1);

        TableReader reader = new TableReader(new XlsReader(fits), fits);
        assertEquals("Data", reader.read(xls, ReadOptions.defaults(), new Table()));
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> new TableReader(new XlsReader(tooSmall), tooSmall).read(xls, ReadOptions.defaults(),
                        new Table()));
        assertTrue(e.getMessage().contains("max-xls-bytes"), e.getMessage());
    }

    @Test
    void keepsSharedStringsPastSharedStringsMemoryBytesInATemporaryFile() throws IOException {
        Path xlsx = Workbooks.write(dir, Workbooks.Kind.XLSX, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            Workbooks.textRow(sheet, 0, "code", "name");
            for (int r = 1; r <= 300; r++) {
                Workbooks.textRow(sheet, r, String.format("%04d", r), "名前 " + r, r % 3 == 0 ? null : "");
            }
        });
        Path spill = Files.createDirectory(dir.resolve("spill"));
        Table onTheHeap = new Table();
        new TableReader(new XlsxReader(TestLimits.defaults(), spill), TestLimits.defaults())
                .read(xlsx, ReadOptions.defaults(), onTheHeap);

        for (long memoryBytes : new long[] {0, 1, 2_000}) {
            TestLimits limits = TestLimits.defaults().withSharedStringsMemoryBytes(memoryBytes);
            Table spilled = new Table();
            new TableReader(new XlsxReader(limits, spill), limits).read(xlsx, ReadOptions.defaults(), spilled);

            assertEquals(onTheHeap.header, spilled.header);
            assertEquals(onTheHeap.rows, spilled.rows, "with " + memoryBytes + " bytes of heap");
            try (Stream<Path> left = Files.list(spill)) {
                assertEquals(List.of(), left.toList(), "the temporary files are gone once the sheet is read");
            }
        }
        assertEquals("0300", onTheHeap.row(301).text(0));
        assertEquals("名前 300", onTheHeap.row(301).text(1));
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("limits" + System.nanoTime() + ".csv"), text);
    }

    private static Table read(Path file, SheetLimits limits) {
        Table table = new Table();
        new TableReader(new CsvFileReader(), limits).read(file, ReadOptions.defaults(), table);
        return table;
    }
}
