package io.sheetingest.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small orders workbook written with POI in the test JVM: text with leading zeros, whole numbers, decimals and
 * dates, the kinds of cell whose typed values the packaged application must keep (in the native image too, where
 * POI's XMLBeans types and date-format detection depend on the native configuration).
 */
final class OrdersWorkbook {

    static final String[] HEADERS = {"SKU", "Quantity", "Unit price", "Shipped on"};

    private OrdersWorkbook() {
    }

    static Path write(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "orders-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("Orders");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            order(sheet, 1, "00123", 5, 12.5, LocalDate.of(2024, 3, 1), date);
            order(sheet, 2, "04560", 12, 0.1, LocalDate.of(2024, 2, 29), date);
            workbook.write(out);
        }
        return file;
    }

    private static void order(Sheet sheet, int index, String sku, int quantity, double price, LocalDate shipped,
            CellStyle date) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(sku);
        row.createCell(1).setCellValue(quantity);
        row.createCell(2).setCellValue(price);
        row.createCell(3).setCellValue(shipped);
        row.getCell(3).setCellStyle(date);
    }
}
