package io.sheetingest.sheet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes a large orders workbook straight as xlsx parts, much faster than POI's writers: an id, a unique shared
 * string per row (so the shared strings table is as big as the sheet is long), a decimal amount, a date and a
 * boolean. The same rows can be written as xls with HSSF, for the legacy format's limit of 65,536 rows.
 */
final class LargeWorkbook {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    /** Serial of 2023-01-01 in the 1900 date system. */
    private static final int FIRST_DAY = 44_927;

    private LargeWorkbook() {
    }

    /** The canonical cells of data row {@code n} (1-based, the header is row 1 so this is sheet row n + 1). */
    static String expectedRow(int n) {
        return n + "|" + code(n) + "|" + amount(n) + "|" + LocalDate.of(2023, 1, 1).plusDays(n % 3650)
                + "|" + (n % 2 == 0);
    }

    static Path write(Path file, int rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            part(zip, "[Content_Types].xml", contentTypes());
            part(zip, "_rels/.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                    + relationship("rId1", RELATIONSHIPS + "/officeDocument", "xl/workbook.xml") + "</Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                    + "<sheets><sheet name=\"Orders\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                    + relationship("rId1", RELATIONSHIPS + "/worksheet", "worksheets/sheet1.xml")
                    + relationship("rId2", RELATIONSHIPS + "/sharedStrings", "sharedStrings.xml")
                    + relationship("rId3", RELATIONSHIPS + "/styles", "styles.xml") + "</Relationships>");
            part(zip, "xl/styles.xml", styles());
            sheet(zip, rows);
            sharedStrings(zip, rows);
        }
        return file;
    }

    /** The same orders as an Excel 97-2003 workbook written with HSSF; at most 65,535 rows below the header. */
    static Path writeXls(Path file, int rows) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Orders");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) BuiltinFormats.getBuiltinFormat("m/d/yy"));
            Row header = sheet.createRow(0);
            String[] headers = {"id", "code", "amount", "ordered", "paid"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int n = 1; n <= rows; n++) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                row.createCell(1).setCellValue(code(n));
                row.createCell(2).setCellValue(Double.parseDouble(amount(n)));
                Cell ordered = row.createCell(3);
                ordered.setCellValue(FIRST_DAY + n % 3650);
                ordered.setCellStyle(date);
                row.createCell(4).setCellValue(n % 2 == 0);
            }
            workbook.write(out);
        }
        return file;
    }

    private static void sheet(ZipOutputStream zip, int rows) throws IOException {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        Writer out = writer(zip);
        out.write("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">");
        String[] headers = {"id", "code", "amount", "ordered", "paid"};
        for (int c = 0; c < headers.length; c++) {
            out.write("<c r=\"" + (char) ('A' + c) + "1\" t=\"inlineStr\"><is><t>" + headers[c] + "</t></is></c>");
        }
        out.write("</row>");
        StringBuilder row = new StringBuilder(256);
        for (int n = 1; n <= rows; n++) {
            int r = n + 1;
            row.setLength(0);
            row.append("<row r=\"").append(r).append("\">")
                    .append("<c r=\"A").append(r).append("\"><v>").append(n).append("</v></c>")
                    .append("<c r=\"B").append(r).append("\" t=\"s\"><v>").append(n - 1).append("</v></c>")
                    .append("<c r=\"C").append(r).append("\"><v>").append(amount(n)).append("</v></c>")
                    .append("<c r=\"D").append(r).append("\" s=\"1\"><v>").append(FIRST_DAY + n % 3650)
                    .append("</v></c>")
                    .append("<c r=\"E").append(r).append("\" t=\"b\"><v>").append(n % 2 == 0 ? 1 : 0)
                    .append("</v></c></row>");
            out.append(row);
        }
        out.write("</sheetData></worksheet>");
        out.flush();
        zip.closeEntry();
    }

    private static void sharedStrings(ZipOutputStream zip, int rows) throws IOException {
        zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
        Writer out = writer(zip);
        out.write("<sst xmlns=\"" + MAIN + "\" count=\"" + rows + "\" uniqueCount=\"" + rows + "\">");
        for (int n = 1; n <= rows; n++) {
            out.write("<si><t>" + code(n) + "</t></si>");
        }
        out.write("</sst>");
        out.flush();
        zip.closeEntry();
    }

    private static String code(int n) {
        return String.format("ORD-%08d", n);
    }

    private static String amount(int n) {
        return BigDecimal.valueOf((n * 7919L) % 10_000_000, 2).stripTrailingZeros().toPlainString();
    }

    private static String contentTypes() {
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + override("/xl/workbook.xml", "sheet.main+xml")
                + override("/xl/worksheets/sheet1.xml", "worksheet+xml")
                + override("/xl/sharedStrings.xml", "sharedStrings+xml")
                + override("/xl/styles.xml", "styles+xml")
                + "</Types>";
    }

    private static String styles() {
        return "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/>"
                + "</font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" "
                + "fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" "
                + "fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" "
                + "borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
    }

    private static String override(String part, String type) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + CONTENT_TYPE + type + "\"/>";
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A writer over the current entry that must not close the zip. */
    private static Writer writer(OutputStream zip) {
        return new OutputStreamWriter(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
            }
        }, StandardCharsets.UTF_8);
    }
}
