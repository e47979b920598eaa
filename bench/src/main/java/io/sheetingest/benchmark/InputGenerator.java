package io.sheetingest.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes {@code orders-<rows>.xlsx} and {@code orders-<rows>.csv} with POI's streaming writer (SXSSF, shared
 * strings like Excel writes them). Files that exist are kept: their content depends only on the row count.
 */
final class InputGenerator {

    private InputGenerator() {
    }

    static void generate(Path dir, long rows) throws IOException {
        Files.createDirectories(dir);
        Path xlsx = dir.resolve("orders-" + rows + ".xlsx");
        Path csv = dir.resolve("orders-" + rows + ".csv");
        if (!Files.exists(csv)) {
            writeCsv(csv, rows);
        }
        if (!Files.exists(xlsx)) {
            writeXlsx(xlsx, rows);
        }
        System.out.printf("inputs: %s (%d MB), %s (%d MB)%n", xlsx, Files.size(xlsx) >> 20, csv,
                Files.size(csv) >> 20);
    }

    private static void writeCsv(Path target, long rows) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(String.join(",", OrderRows.HEADERS));
            out.write('\n');
            for (long n = 1; n <= rows; n++) {
                out.write(OrderRows.csv(OrderRows.row(n)));
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeXlsx(Path target, long rows) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 500, true, true);
                OutputStream out = Files.newOutputStream(partial)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle timestamp = book.createCellStyle();
            timestamp.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            SXSSFSheet sheet = book.createSheet("orders");
            Row header = sheet.createRow(0);
            for (int i = 0; i < OrderRows.HEADERS.length; i++) {
                header.createCell(i).setCellValue(OrderRows.HEADERS[i]);
            }
            for (long n = 1; n <= rows; n++) {
                writeRow(sheet.createRow((int) n), OrderRows.row(n), date, timestamp);
            }
            book.write(out);
            book.dispose();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeRow(Row row, Object[] values, CellStyle date, CellStyle timestamp) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            var cell = row.createCell(i);
            if (value instanceof Long number) {
                cell.setCellValue(number);
            } else if (value instanceof BigDecimal decimal) {
                cell.setCellValue(decimal.doubleValue());
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else if (value instanceof LocalDateTime moment) {
                cell.setCellValue(moment);
                cell.setCellStyle(timestamp);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
