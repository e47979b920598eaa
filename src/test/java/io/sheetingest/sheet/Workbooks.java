package io.sheetingest.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small test workbooks with POI's user model, in either format. */
final class Workbooks {

    /** The two workbook formats a test can write. */
    enum Kind {
        XLSX(".xlsx"),
        XLS(".xls");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        Workbook create() {
            return this == XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
        }

        SheetReader reader(SheetLimits limits) {
            return this == XLSX ? new XlsxReader(limits) : new XlsReader(limits);
        }
    }

    private Workbooks() {
    }

    /** Writes a workbook whose first sheet, "Data", {@code fill} populates. */
    static Path write(Path dir, Kind kind, Consumer<Workbook> fill) {
        Path file = dir.resolve("book" + System.nanoTime() + kind.suffix);
        try (Workbook workbook = kind.create(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Data");
            fill.accept(workbook);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Sets text cells on a row, creating it; {@code null} leaves a cell blank. */
    static Row textRow(Sheet sheet, int rowIndex, String... texts) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                row.createCell(i).setCellValue(texts[i]);
            }
        }
        return row;
    }
}
