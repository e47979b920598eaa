package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFFormulaEvaluator;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * The streaming xls reader gives what HSSF's user model gave ({@link UserModelXlsReader}), callback for callback,
 * on every corpus xls and every sheet in it, and on workbooks with what the corpus lacks: formulas of each result
 * type, hidden sheets, RK and MULRK numbers, cells out of order.
 */
class XlsReaderTest {

    @TempDir
    Path dir;

    static Stream<String> corpusWorkbooks() {
        return Corpus.manifest().stream().filter(name -> name.endsWith(".xls"));
    }

    @ParameterizedTest
    @MethodSource("corpusWorkbooks")
    void readsEveryCorpusSheetAsTheUserModelDid(String name) {
        Path file = Corpus.DIR.resolve(name);
        List<String> expected = transcript(new UserModelXlsReader(TestLimits.defaults()), file, null);
        assertEquals(expected, transcript(new XlsReader(TestLimits.defaults()), file, null), name);
        for (String sheet : sheetsOf(expected)) {
            assertEquals(transcript(new UserModelXlsReader(TestLimits.defaults()), file, sheet),
                    transcript(new XlsReader(TestLimits.defaults()), file, sheet), name + " sheet " + sheet);
        }
    }

    @Test
    void givesFormulasTheirCachedStringBooleanErrorOrNumber() {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("Formulas");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            formula(sheet, 0, "\"ab\"&\"cd\"");
            formula(sheet, 1, "1<2");
            formula(sheet, 2, "1/0");
            formula(sheet, 3, "2*3.5");
            formula(sheet, 4, "\"\"&\"\"");
            formula(sheet, 5, "DATE(2024,2,29)").setCellStyle(date);
            formula(sheet, 6, "0.1+0.2");
            sheet.createRow(7).createCell(0).setCellErrorValue(FormulaError.NA.getCode());
            sheet.createRow(8).createCell(0).setCellValue(false);
            HSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        });

        Recorder read = read(file, null);

        assertEquals(List.of(new Cell(0, CellKind.TEXT, "abcd")), read.row(1));
        assertEquals(List.of(new Cell(0, CellKind.BOOLEAN, "true")), read.row(2));
        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "7")), read.row(4));
        assertEquals(List.of(new Cell(0, CellKind.DATE, "2024-02-29")), read.row(6));
        assertEquals(List.of(new Cell(0, CellKind.DECIMAL, "0.30000000000000004")), read.row(7));
        assertEquals(List.of(new Cell(0, CellKind.BOOLEAN, "false")), read.row(9));
        assertEquals(List.of(1L, 2L, 4L, 6L, 7L, 9L), read.rows.stream().map(Table.Row::number).toList(),
                "error cells and the empty string are no cells");
        assertEquals(List.of("A3=#DIV/0!", "A8=#N/A"), read.errors);
        assertSameAsUserModel(file);
    }

    @Test
    void skipsHiddenSheetsUnlessNamedAndReadsAnySheetByNameOrPosition() {
        Path file = write(workbook -> {
            Workbooks.textRow(workbook.createSheet("Secret"), 0, "secret");
            Workbooks.textRow(workbook.createSheet("Vault"), 0, "vault");
            Workbooks.textRow(workbook.createSheet("Orders"), 0, "order", "qty");
            Workbooks.textRow(workbook.createSheet("Stock"), 0, "item");
            workbook.getSheet("Stock").createRow(1).createCell(0).setCellValue(42);
            workbook.setSheetHidden(0, true);
            workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
        });

        Recorder first = read(file, null);
        assertEquals(List.of("Secret", "Vault", "Orders", "Stock"), first.sheets);
        assertEquals("Orders", first.sheet, "hidden and very hidden sheets are skipped");
        assertEquals("order", first.rows.get(0).text(0));

        Recorder stock = read(file, "Stock");
        assertEquals("Stock", stock.sheet);
        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "42")), stock.rows.get(1).cells());
        assertEquals("vault", read(file, "Vault").rows.get(0).text(0), "a very hidden sheet is read when named");
        assertEquals("Secret", read(file, "1").sheet, "positions count hidden sheets");

        SheetReadException unknown = assertThrows(SheetReadException.class, () -> read(file, "Sales"));
        assertEquals("The workbook has no sheet named 'Sales'; its sheets are 'Secret', 'Vault', 'Orders', 'Stock'",
                unknown.problem().detail());
        for (String sheet : List.of("Secret", "Vault", "Orders", "Stock")) {
            assertSameAsUserModel(file, sheet);
        }
    }

    @Test
    void knowsTheChosenSheetsMergedRegionsBeforeItsRows() {
        Path file = write(workbook -> {
            Sheet other = workbook.createSheet("Other");
            Workbooks.textRow(other, 0, "x");
            other.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
            Sheet report = workbook.createSheet("Report");
            Workbooks.textRow(report, 0, "Sales report");
            report.addMergedRegion(CellRangeAddress.valueOf("A1:C1"));
            Workbooks.textRow(report, 1, "Region", null, "Amount");
            report.addMergedRegion(CellRangeAddress.valueOf("A2:B3"));
            Workbooks.textRow(report, 3, "EU", "DE", "3");
        });

        Recorder read = read(file, "Report");

        assertEquals(List.of(new CellRange(1, 1, 0, 2), new CellRange(2, 3, 0, 1)), read.mergedAtStart);
        assertEquals(List.of(new CellRange(2, 3, 0, 1)), read.merged.overlapping(3, 4));
        assertSameAsUserModel(file, "Report");
    }

    @Test
    void keepsTheTextOfAZeroPaddedNumberAsShown() {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("zips");
            org.apache.poi.ss.usermodel.CellStyle padded = workbook.createCellStyle();
            padded.setDataFormat(workbook.createDataFormat().getFormat("00000"));
            org.apache.poi.ss.usermodel.Cell zip = sheet.createRow(0).createCell(0);
            zip.setCellValue(501);
            zip.setCellStyle(padded);
        });

        Cell zip = read(file, null).row(1).get(0);

        assertEquals(new Cell(0, CellKind.INTEGER, "501", "00501"), zip);
        assertSameAsUserModel(file);
    }

    @Test
    void readsRkAndMulRkNumbersExactly() {
        Path file = rewrite(numbers(), records -> {
            replace(records, 1, 0, BiffRecords.mulRk(1, 0, xfOf(records, 1, 0), BiffRecords.rkInteger(1, false),
                    BiffRecords.rkDouble(52.5625, true), BiffRecords.rkInteger(1_234_567, true)));
            remove(records, 1, 1);
            remove(records, 1, 2);
            replace(records, 2, 1, BiffRecords.rk(2, 1, xfOf(records, 2, 1), BiffRecords.rkInteger(-3, false)));
            replace(records, 2, 2, BiffRecords.rk(2, 2, xfOf(records, 2, 2), BiffRecords.rkDouble(0.25, false)));
        });

        Recorder read = read(file, null);

        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "1"), new Cell(1, CellKind.DECIMAL, "0.525625"),
                new Cell(2, CellKind.DECIMAL, "12345.67"), new Cell(3, CellKind.TEXT, "a")), read.row(2));
        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "2"), new Cell(1, CellKind.INTEGER, "-3"),
                new Cell(2, CellKind.DECIMAL, "0.25"), new Cell(3, CellKind.TEXT, "b")), read.row(3));
        assertSameAsUserModel(file);
    }

    @Test
    void putsCellsThatArriveOutOfOrderInRowAndColumnOrder() {
        Path file = rewrite(numbers(), records -> {
            List<BiffRecords.Raw> rowTwo = new ArrayList<>(records.stream().filter(r -> r.cellRow() == 2).toList());
            List<BiffRecords.Raw> rowThree = records.stream().filter(r -> r.cellRow() == 3).toList();
            records.removeAll(rowTwo);
            records.removeAll(rowThree);
            int at = firstCellIndex(records);
            Collections.reverse(rowTwo);
            records.addAll(at, rowTwo);
            records.addAll(at, rowThree);
            int xf = xfOf(records, 1, 0);
            int afterCells = lastCellIndex(records) + 1;
            records.add(afterCells, BiffRecords.blank(3, 3, xf));
            records.add(afterCells, BiffRecords.number(1, 4, xf, 99));
        });

        Recorder read = read(file, null);

        assertEquals(List.of(1L, 2L, 3L, 4L), read.rows.stream().map(Table.Row::number).toList());
        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "1"), new Cell(1, CellKind.DECIMAL, "0.5"),
                new Cell(2, CellKind.INTEGER, "10"), new Cell(3, CellKind.TEXT, "a"),
                new Cell(4, CellKind.INTEGER, "99")), read.row(2), "a late cell joins its row");
        assertEquals(List.of(0, 1, 2, 3), read.row(3).stream().map(Cell::column).toList());
        assertEquals(List.of(new Cell(0, CellKind.INTEGER, "3"), new Cell(1, CellKind.DECIMAL, "0.125"),
                new Cell(2, CellKind.INTEGER, "30")), read.row(4), "a later blank clears the cell");
        assertSameAsUserModel(file);
    }

    @Test
    void refusesEncryptedExcel95AndDamagedFilesAsBefore() {
        Path locked;
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            locked = numbers();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        SheetReadException encrypted = refusal(locked);
        assertEquals(ProblemType.UNREADABLE_FILE.uri(), encrypted.problem().type());
        assertEquals("The workbook is encrypted (password protected): remove the password in Excel and upload it "
                + "again", encrypted.problem().detail());

        assertSameAsUserModel(locked);

        SheetReadException excel95 = refusal(Corpus.DIR.resolve("poi__testEXCEL_95.xls"));
        assertEquals(ProblemType.UNSUPPORTED_FORMAT.uri(), excel95.problem().type());
        assertEquals("Excel 95 file: re-save it as .xlsx and upload it again", excel95.problem().detail());

        Path cut = rewrite(numbers(), records -> {
            int first = firstCellIndex(records);
            BiffRecords.Raw cell = records.get(first);
            records.subList(first, records.size()).clear();
            records.add(new BiffRecords.Raw(cell.sid(), Arrays.copyOf(cell.data(), 3)));
        });
        SheetReadException damaged = refusal(cut);
        assertEquals(ProblemType.UNREADABLE_FILE.uri(), damaged.problem().type());
        assertTrue(damaged.problem().detail().startsWith("The xls workbook is damaged: "),
                damaged.problem().detail());
        assertSameAsUserModel(cut);
    }

    @Test
    void refusesADamagedSheetBeforeHandingOnAnyRow() {
        Path badString = rewrite(numbers(), records -> {
            int last = indexOf(records, 3, 3);
            records.set(last, BiffRecords.withSharedString(records.get(last), 999));
        });
        Recorder read = new Recorder();
        SheetReadException e = assertThrows(SheetReadException.class,
                () -> new XlsReader(TestLimits.defaults()).read(badString, ReadOptions.defaults(), read));
        assertEquals("The xls workbook is damaged: a cell refers to shared string 999, which the shared strings "
                + "table does not hold", e.problem().detail());
        assertTrue(read.rows.isEmpty() && read.sheets == null, "refused before any callback");

        Path noCachedText = rewrite(write(workbook -> {
            Sheet sheet = workbook.createSheet("Formulas");
            Workbooks.textRow(sheet, 0, "total");
            formula(sheet, 1, "\"ab\"&\"cd\"");
            HSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        }), records -> records.removeIf(r -> r.sid() == BiffRecords.STRING));
        assertEquals("The xls workbook is damaged: Formula record flag is set but String record was not found",
                refusal(noCachedText).problem().detail());
        assertSameAsUserModel(noCachedText);
    }

    /**
     * An SST record that claims far more unique strings than it holds (POI logs "Ran out of data" at ERROR, which
     * application.properties silences): the strings it holds read as written, and a cell that refers past them is
     * refused as damaged.
     */
    @Test
    void readsAnSstThatClaimsMoreStringsThanItHolds() {
        Consumer<List<BiffRecords.Raw>> lying = records -> {
            int sst = 0;
            while (records.get(sst).sid() != BiffRecords.SST) {
                sst++;
            }
            byte[] data = records.get(sst).data().clone();
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x0FFF_FFFF);
            records.set(sst, new BiffRecords.Raw(BiffRecords.SST, data));
        };
        Path huge = rewrite(numbers(), lying);
        Table table = new Table();
        new TableReader(new XlsReader(TestLimits.defaults()), TestLimits.defaults())
                .read(huge, ReadOptions.defaults(), table);
        assertEquals(List.of("id", "share", "amount", "note"), table.header);
        assertEquals("c", table.row(4).text(3));

        Path pastTheEnd = rewrite(numbers(), lying.andThen(records -> {
            int last = indexOf(records, 3, 3);
            records.set(last, BiffRecords.withSharedString(records.get(last), 100_000));
        }));
        assertEquals("The xls workbook is damaged: a cell refers to shared string 100000, which the shared strings "
                + "table does not hold", refusal(pastTheEnd).problem().detail());
    }

    /** A sheet "Data": a header, then rows 2-4 of numbers 1, 0.5, 10, "a" / 2, 0.25, 20, "b" / 3, 0.125, 30, "c". */
    private Path numbers() {
        return Workbooks.write(dir, Workbooks.Kind.XLS, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            Workbooks.textRow(sheet, 0, "id", "share", "amount", "note");
            for (int i = 1; i <= 3; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(1.0 / (1 << i));
                row.createCell(2).setCellValue(10 * i);
                row.createCell(3).setCellValue(String.valueOf((char) ('a' + i - 1)));
            }
        });
    }

    private Path rewrite(Path xls, Consumer<List<BiffRecords.Raw>> edit) {
        List<BiffRecords.Raw> records = new ArrayList<>(BiffRecords.read(xls));
        edit.accept(records);
        return BiffRecords.write(dir.resolve("edited" + System.nanoTime() + ".xls"), records);
    }

    private static int xfOf(List<BiffRecords.Raw> records, int row, int column) {
        return records.get(indexOf(records, row, column)).xf();
    }

    private static void replace(List<BiffRecords.Raw> records, int row, int column, BiffRecords.Raw with) {
        records.set(indexOf(records, row, column), with);
    }

    private static void remove(List<BiffRecords.Raw> records, int row, int column) {
        records.remove(indexOf(records, row, column));
    }

    private static int indexOf(List<BiffRecords.Raw> records, int row, int column) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).isCell(row, column)) {
                return i;
            }
        }
        throw new AssertionError("no cell " + row + "," + column);
    }

    private static int firstCellIndex(List<BiffRecords.Raw> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).cellRow() >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastCellIndex(List<BiffRecords.Raw> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).cellRow() >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static org.apache.poi.ss.usermodel.Cell formula(Sheet sheet, int rowIndex, String formula) {
        Row row = sheet.createRow(rowIndex);
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(0);
        cell.setCellFormula(formula);
        return cell;
    }

    private Path write(Consumer<HSSFWorkbook> fill) {
        Path file = dir.resolve("book" + System.nanoTime() + ".xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill.accept(workbook);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Recorder read(Path file, String sheet) {
        Recorder recorder = new Recorder();
        recorder.sheet = new XlsReader(TestLimits.defaults()).read(file, new ReadOptions(sheet, null), recorder);
        return recorder;
    }

    private static SheetReadException refusal(Path file) {
        return assertThrows(SheetReadException.class, () -> read(file, null));
    }

    private static void assertSameAsUserModel(Path file) {
        assertSameAsUserModel(file, null);
    }

    private static void assertSameAsUserModel(Path file, String sheet) {
        assertEquals(transcript(new UserModelXlsReader(TestLimits.defaults()), file, sheet),
                transcript(new XlsReader(TestLimits.defaults()), file, sheet));
    }

    /** Every callback a reader makes, in order, or the problem it refuses the file with. */
    private static List<String> transcript(SheetReader reader, Path file, String sheet) {
        List<String> lines = new ArrayList<>();
        RowHandler handler = new RowHandler() {
            @Override
            public void workbook(List<String> sheets) {
                lines.add("workbook " + sheets);
            }

            @Override
            public void start(String name, MergedCells merged) {
                lines.add("start " + name + " " + merged.overlapping(1, Long.MAX_VALUE));
            }

            @Override
            public void row(long rowNumber, List<Cell> cells) {
                lines.add("row " + rowNumber + " " + cells);
            }

            @Override
            public void errorCell(long rowNumber, int column, String error) {
                lines.add("error " + rowNumber + " " + column + " " + error);
            }

            @Override
            public void end() {
                lines.add("end");
            }
        };
        try {
            lines.add("read " + reader.read(file, new ReadOptions(sheet, null), handler));
        } catch (ProblemException e) {
            lines.add("refused " + e.problem().type() + " " + e.problem().detail());
        }
        return lines;
    }

    private static List<String> sheetsOf(List<String> transcript) {
        return transcript.stream().filter(line -> line.startsWith("workbook ")).findFirst()
                .map(line -> List.of(line.substring("workbook [".length(), line.length() - 1).split(", ")))
                .orElse(List.of());
    }

    /** What the reader hands on, kept for assertions. */
    private static final class Recorder implements RowHandler {

        List<String> sheets;
        String sheet;
        MergedCells merged;
        List<CellRange> mergedAtStart;
        final List<Table.Row> rows = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void workbook(List<String> names) {
            sheets = names;
        }

        @Override
        public void start(String name, MergedCells regions) {
            merged = regions;
            mergedAtStart = regions.overlapping(1, Long.MAX_VALUE);
            assertTrue(rows.isEmpty());
        }

        @Override
        public void row(long rowNumber, List<Cell> cells) {
            rows.add(new Table.Row(rowNumber, List.copyOf(cells)));
        }

        @Override
        public void errorCell(long rowNumber, int column, String error) {
            errors.add(CellReference.letters(column) + rowNumber + "=" + error);
        }

        List<Cell> row(long number) {
            return rows.stream().filter(r -> r.number() == number).findFirst().orElseThrow().cells();
        }
    }
}
