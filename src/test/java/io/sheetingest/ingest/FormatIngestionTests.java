package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** CSV and xls uploads take the same path as xlsx: detected from their bytes, read, typed and copied. */
@QuarkusTest
class FormatIngestionTests {

    @Test
    void gbkSemicolonCsvBelowATitleRowKeepsItsTextAndLeadingZeros() throws IOException {
        Path csv = Files.createTempFile("orders", ".csv");
        Files.write(csv, "订单报表\n编号;城市;金额\n007;上海;12,5\n8;北京;3\n".getBytes(Charset.forName("GBK")));
        String dataset = Uploads.uniqueDataset("gbk_csv");

        Uploads.ingest(csv, dataset);

        List<Map<String, Object>> rows = IngestionFlowTests.rows(dataset);
        assertEquals("007", rows.get(0).get("编号"), "leading zeros kept: the column is text");
        assertEquals("上海", rows.get(0).get("城市"), "GBK bytes decoded");
        assertEquals("12,5", rows.get(0).get("金额"), "a decimal comma is not guessed into a number");
        assertEquals("8", rows.get(1).get("编号"));
        Files.deleteIfExists(csv);
    }

    @Test
    void xlsKeepsExactDecimalsAndTheLeapDay() throws IOException {
        Path xls = Files.createTempFile("book", ".xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            Sheet sheet = workbook.createSheet("Orders");
            sheet.createRow(0).createCell(0).setCellValue("amount");
            sheet.getRow(0).createCell(1).setCellValue("ordered");
            sheet.createRow(1).createCell(0).setCellValue(0.1);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            var ordered = sheet.getRow(1).createCell(1);
            ordered.setCellValue(LocalDate.of(2024, 2, 29));
            ordered.setCellStyle(date);
            workbook.write(out);
        }
        String dataset = Uploads.uniqueDataset("xls");

        Uploads.ingest(xls, dataset);

        assertEquals(Map.of("amount", "numeric", "ordered", "date"), IngestionFlowTests.columnTypes(dataset));
        Map<String, Object> row = IngestionFlowTests.rows(dataset).get(0);
        IngestionFlowTests.assertNumber("0.1", row.get("amount"), "0.1 stays 0.1");
        assertEquals("2024-02-29", row.get("ordered"));
        Files.deleteIfExists(xls);
    }

    @Test
    void headerRowFromTheUploadOverridesDetection() throws IOException {
        Path xlsx = Files.createTempFile("header", ".xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("data");
            sheet.createRow(0).createCell(0).setCellValue("Quarterly report");
            sheet.createRow(1).createCell(0).setCellValue("x");
            sheet.getRow(1).createCell(1).setCellValue("y");
            sheet.createRow(2).createCell(0).setCellValue("2023");
            sheet.getRow(2).createCell(1).setCellValue("2024");
            sheet.createRow(3).createCell(0).setCellValue(3);
            sheet.getRow(3).createCell(1).setCellValue(4);
            workbook.write(out);
        }
        String dataset = Uploads.uniqueDataset("header_row");

        String job = api().multiPart("file", xlsx.toFile())
                .multiPart("dataset", dataset)
                .multiPart("headerRow", "3")
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(202)
                .body("headerRow", org.hamcrest.Matchers.equalTo(3))
                .extract()
                .path("id");
        Uploads.awaitFinished("/api/ingestions/" + job, java.time.Duration.ofSeconds(30));

        assertEquals(Map.of("c_2023", "bigint", "c_2024", "bigint"), IngestionFlowTests.columnTypes(dataset));
        List<Map<String, Object>> rows = IngestionFlowTests.rows(dataset);
        assertEquals(1, rows.size(), "only the row below the named header is data");
        IngestionFlowTests.assertNumber("3", rows.get(0).get("c_2023"));
        Files.deleteIfExists(xlsx);
    }

    @Test
    void headerRowThatIsNotARowNumberIsBadRequest() {
        api().multiPart("file", Uploads.CORPUS.resolve("tab__percentage.xlsx").toFile())
                .multiPart("dataset", Uploads.uniqueDataset("bad_header"))
                .multiPart("headerRow", "0")
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("headerRow '0' is not a row number"));
    }

    @Test
    void jobNamesEverySheetAndASheetCanBeChosenByPosition() {
        String dataset = Uploads.uniqueDataset("sheets");
        io.restassured.path.json.JsonPath first = Uploads.ingest(Uploads.CORPUS.resolve("poi__TwoSheetsOneHidden.xlsx"),
                dataset);

        assertEquals("Sheet2", first.getString("sheet"), "the hidden first sheet is skipped");
        assertEquals(List.of("Sheet1", "Sheet2"), first.getList("sheets"), "the job lists every sheet");

        String hidden = Uploads.uniqueDataset("sheet_one");
        String job = api().multiPart("file", Uploads.CORPUS.resolve("poi__TwoSheetsOneHidden.xlsx").toFile())
                .multiPart("dataset", hidden)
                .multiPart("sheet", "1")
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        io.restassured.path.json.JsonPath done = Uploads.awaitFinished("/api/ingestions/" + job,
                java.time.Duration.ofSeconds(30));
        assertEquals("Sheet1", done.getString("sheet"), "sheet=1 is the first tab, hidden or not");
    }
}
