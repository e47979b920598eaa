package io.sheetingest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Generated workbooks for tests, written with POI's streaming writer. */
public final class Workbooks {

    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private Workbooks() {
    }

    /**
     * An orders sheet: {@code id} integer, {@code code} text with leading zeros, {@code amount} two-decimal number,
     * {@code day} date, {@code paid} boolean, {@code city} CJK text. Row {@code i} (1-based data row) has id i,
     * code {@code %08d} of i, amount i + 0.25, day FIRST_DAY + (i % 365), paid = even i.
     */
    public static Path orders(Path target, int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("orders");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            String[] names = {"id", "code", "amount", "day", "paid", "city"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            String[] cities = {"北京", "上海", "東京", "Zürich"};
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(String.format("%08d", i));
                row.createCell(2).setCellValue(i + 0.25);
                org.apache.poi.ss.usermodel.Cell day = row.createCell(3);
                day.setCellValue(FIRST_DAY.plusDays(i % 365));
                day.setCellStyle(date);
                row.createCell(4).setCellValue(i % 2 == 0);
                row.createCell(5).setCellValue(cities[i % cities.length]);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
            workbook.dispose();
        }
        return target;
    }

    /** A copy of a workbook whose first worksheet's XML is cut off after {@code fraction} of its bytes. */
    public static Path withTruncatedSheet(Path source, Path target, double fraction) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction));
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }
}
