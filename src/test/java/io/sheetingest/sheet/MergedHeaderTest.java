package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Merged header cells, read from real files in both workbook formats. */
class MergedHeaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Workbooks.Kind.class)
    void namesEveryColumnAMergedHeaderCellCovers(Workbooks.Kind kind) {
        Path file = Workbooks.write(dir, kind, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            Workbooks.textRow(sheet, 0, "Sales report");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
            Workbooks.textRow(sheet, 1, "Region", null, "Amount", null);
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:B2"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("C2:D2"));
            Workbooks.textRow(sheet, 2, "EU", "DE", "1", "2");
        });

        Table table = new Table();
        new TableReader(kind.reader(TestLimits.defaults()), TestLimits.defaults())
                .read(file, ReadOptions.defaults(), table);

        assertEquals(2, table.headerRow, "the merged title row is skipped");
        assertEquals(List.of("Region", "Region", "Amount", "Amount"), table.header);
        assertEquals("DE", table.row(3).text(1));
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Kind.class)
    void takesVerticallyMergedHeaderTextFromTheRowAbove(Workbooks.Kind kind) {
        Path file = Workbooks.write(dir, kind, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            Workbooks.textRow(sheet, 0, "Id", "Price");
            Workbooks.textRow(sheet, 1, null, "net", "gross");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:A2"));
            Workbooks.textRow(sheet, 2, "7", "1", "2");
        });

        Table table = new Table();
        new TableReader(kind.reader(TestLimits.defaults()), TestLimits.defaults())
                .read(file, new ReadOptions(null, 2), table);

        assertEquals(List.of("Id", "net", "gross"), table.header);
    }
}
