package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random typed values written with POI read back as exactly the canonical cells they were made from, in both
 * workbook formats. Each run uses fixed seeds, so a failure names a seed that reproduces it.
 */
class RoundTripPropertyTest {

    private static final int SEEDS = 8;
    private static final int ROWS = 150;
    private static final int COLUMNS = 7;
    private static final String TEXT_ALPHABET = "abcXYZ 0123456789-_.,;'\"\t\n日本語中文한글éßØ€😀";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Workbooks.Kind.class)
    void readsBackEveryWrittenValue(Workbooks.Kind kind) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed);
            List<List<Cell>> expected = new ArrayList<>();
            Path file = Workbooks.write(dir, kind, workbook -> fill(workbook, random, expected));

            Table table = new Table();
            new TableReader(kind.reader(TestLimits.defaults()), TestLimits.defaults())
                    .read(file, ReadOptions.defaults(), table);

            assertEquals(1, table.headerRow, "seed " + seed);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), table.row(i + 2L).cells(), kind + " seed " + seed + " row " + (i + 2));
            }
        }
    }

    private static void fill(Workbook workbook, Random random, List<List<Cell>> expected) {
        Sheet sheet = workbook.getSheetAt(0);
        Styles styles = new Styles(workbook);
        Row header = sheet.createRow(0);
        for (int c = 0; c < COLUMNS; c++) {
            header.createCell(c).setCellValue("column " + c);
        }
        for (int r = 1; r <= ROWS; r++) {
            Row row = sheet.createRow(r);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < COLUMNS; c++) {
                cells.add(randomCell(row.createCell(c), c, random, styles));
            }
            expected.add(cells);
        }
    }

    private static Cell randomCell(org.apache.poi.ss.usermodel.Cell cell, int column, Random random, Styles styles) {
        switch (random.nextInt(7)) {
            case 0 -> {
                long value = random.nextLong() >> 11;
                cell.setCellValue((double) value);
                return new Cell(column, CellKind.INTEGER, Long.toString(value));
            }
            case 1 -> {
                BigDecimal value = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, random.nextInt(1, 9))
                        .stripTrailingZeros();
                cell.setCellValue(value.doubleValue());
                return Numbers.cell(column, value);
            }
            case 2 -> {
                boolean value = random.nextBoolean();
                cell.setCellValue(value);
                return new Cell(column, CellKind.BOOLEAN, Boolean.toString(value));
            }
            case 3 -> {
                LocalDate value = LocalDate.of(1900, 3, 1).plusDays(random.nextInt(2_900_000));
                cell.setCellValue(value);
                cell.setCellStyle(styles.date);
                return new Cell(column, CellKind.DATE, value.toString());
            }
            case 4 -> {
                LocalDateTime value = LocalDateTime.of(1950, 1, 1, 0, 0)
                        .plusSeconds(random.nextInt(Integer.MAX_VALUE))
                        .plusNanos(random.nextInt(1000) * 1_000_000L);
                cell.setCellValue(value);
                cell.setCellStyle(styles.timestamp);
                return new Cell(column, CellKind.TIMESTAMP, DateFormats.timestamp(value));
            }
            case 5 -> {
                LocalTime value = LocalTime.ofSecondOfDay(random.nextInt(86_400));
                cell.setCellValue(value.toSecondOfDay() / 86_400d);
                cell.setCellStyle(styles.time);
                return new Cell(column, CellKind.TIME, DateFormats.time(value));
            }
            default -> {
                String value = randomText(random);
                cell.setCellValue(value);
                return new Cell(column, CellKind.TEXT, value);
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append("00").append(random.nextInt(1000));
        }
        int length = random.nextInt(1, 20);
        int[] codePoints = TEXT_ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    /** The date, time and timestamp styles of one workbook. */
    private static final class Styles {

        final CellStyle date;
        final CellStyle timestamp;
        final CellStyle time;

        Styles(Workbook workbook) {
            date = style(workbook, "yyyy-mm-dd");
            timestamp = style(workbook, "yyyy-mm-dd hh:mm:ss.000");
            time = style(workbook, "hh:mm:ss");
        }

        private static CellStyle style(Workbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
            return style;
        }
    }
}
