package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What an uploader can say about a file besides the sheet and header row: the CSV encoding and column types; and
 * what a job tells back: its warnings with their rows.
 */
@QuarkusTest
class ReadOptionsTests {

    private Path file;

    @AfterEach
    void removeFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void zeroPaddedNumbersKeepTheirPaddingOnlyInAColumnDeclaredText() throws IOException {
        file = postalCodes();
        String inferred = Uploads.uniqueDataset("zip_inferred");
        String declared = Uploads.uniqueDataset("zip_text");

        Uploads.ingest(file, inferred);
        JsonPath job = finish(upload(file, declared).multiPart("columnTypes", "ZIP:text, amount : numeric"));

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(Map.of("ZIP", "text", "amount", "numeric"), job.getMap("columnTypes"));
        assertEquals(Map.of("zip", "bigint", "amount", "bigint"), IngestionFlowTests.columnTypes(inferred));
        IngestionFlowTests.assertNumber("501", IngestionFlowTests.rows(inferred).get(0).get("zip"));
        Map<String, String> types = IngestionFlowTests.columnTypes(declared);
        assertEquals(Map.of("zip", "text", "amount", "numeric"), types, "declared types win over inference");
        List<Map<String, Object>> rows = IngestionFlowTests.rows(declared);
        assertEquals("00501", rows.get(0).get("zip"));
        assertEquals("90210", rows.get(1).get("zip"));
        IngestionFlowTests.assertNumber("7", rows.get(1).get("amount"));
    }

    @Test
    void aValueThatDoesNotFitTheDeclaredTypeFailsTheJobNamingTheCell() throws IOException {
        file = postalCodes();
        String dataset = Uploads.uniqueDataset("zip_bool");

        JsonPath job = finish(upload(file, dataset).multiPart("columnTypes", "amount:boolean"));

        assertEquals("failed", job.getString("status"));
        assertEquals(422, job.getInt("error.status"));
        assertEquals("Cell B2 holds integer '12', which is not boolean as columnTypes declares the column 'amount'",
                job.getString("error.detail"));
        assertEquals(2, job.getInt("error.row"));
        assertEquals("B", job.getString("error.column"));
        api().get("/api/datasets/" + dataset).then().statusCode(404);
    }

    @Test
    void aLongDeclarationIsAcceptedAndOneColumnNamedTwiceFailsTheJob() throws IOException {
        file = postalCodes();
        StringBuilder many = new StringBuilder("zip:text, amount:numeric");
        for (int i = 0; i < 200; i++) {
            many.append(", not_in_this_file_but_long_enough_").append(i).append(":text");
        }

        JsonPath longOne = finish(upload(file, Uploads.uniqueDataset("zip_long")).multiPart("columnTypes",
                many.toString()));
        Path prices = Files.createTempFile("prices", ".csv");
        Files.writeString(prices, "Unit Price,qty\n1.5,2\n");
        JsonPath twice = finish(upload(prices, Uploads.uniqueDataset("zip_twice")).multiPart("columnTypes",
                "Unit Price:numeric, unit_price:text"));
        Files.delete(prices);

        assertTrue(many.length() > 8000);
        assertEquals("failed", longOne.getString("status"), "read, then refused for its unknown columns");
        assertTrue(longOne.getString("error.detail").startsWith("columnTypes names the column "
                + "'not_in_this_file_but_long_enough_0'"), longOne.getString("error.detail"));
        assertEquals("columnTypes names the column 'unit_price' twice, as 'Unit Price' and as 'unit_price'",
                twice.getString("error.detail"));
    }

    @Test
    void aDeclaredColumnTheHeaderLacksFailsTheJobListingTheColumns() throws IOException {
        file = postalCodes();

        JsonPath job = finish(upload(file, Uploads.uniqueDataset("zip_missing")).multiPart("columnTypes", "zipcode:text"));

        assertEquals("failed", job.getString("status"));
        assertEquals("columnTypes names the column 'zipcode', which the header does not have; its columns are: zip, "
                + "amount", job.getString("error.detail"));
    }

    @Test
    void malformedColumnTypesAreBadRequest() throws IOException {
        file = postalCodes();

        upload(file, Uploads.uniqueDataset("zip_bad")).multiPart("columnTypes", "zip:money")
                .when().post("/api/ingestions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("columnTypes gives column 'zip' the type 'money': use one of text"));
        upload(file, Uploads.uniqueDataset("zip_bad")).multiPart("columnTypes", "zip")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("columnTypes 'zip' is not column:type"));
        upload(file, Uploads.uniqueDataset("zip_bad")).multiPart("columnTypes", "zip:text, ZIP:numeric")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("columnTypes names the column 'ZIP' twice"));
        upload(file, Uploads.uniqueDataset("zip_bad")).queryParam("replace", "maybe")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("replace 'maybe' is not true or false"));
    }

    @Test
    void westernCsvIsRefusedUntilItsEncodingIsDeclared() throws IOException {
        file = Files.createTempFile("prices", ".csv");
        Files.write(file, "item,price\nTea,2\nCafé crème,3.5\n".getBytes(Charset.forName("windows-1252")));

        JsonPath refused = Uploads.awaitFinished(Uploads.upload(file, Uploads.uniqueDataset("latin")),
                Duration.ofSeconds(30));
        String dataset = Uploads.uniqueDataset("latin_declared");
        JsonPath read = finish(upload(file, dataset).multiPart("encoding", "Windows-1252"));

        assertEquals("failed", refused.getString("status"));
        assertEquals(422, refused.getInt("error.status"));
        assertTrue(refused.getString("error.detail").startsWith("The CSV file is neither UTF-8 nor GB18030 text "
                + "(byte 0xE9 at line 3"), refused.getString("error.detail"));
        assertEquals(3, refused.getInt("error.row"));
        assertEquals("succeeded", read.getString("status"), read.prettify());
        assertEquals("windows-1252", read.getString("encoding"));
        assertEquals("Café crème", IngestionFlowTests.rows(dataset).get(1).get("item"));
    }

    @Test
    void optionsThatDoNotApplyToTheFormatAreBadRequest() throws IOException {
        file = postalCodes();
        Path csv = Uploads.CORPUS.resolve("c2j__utf8.csv");

        upload(file, Uploads.uniqueDataset("enc_xlsx")).multiPart("encoding", "latin1")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("encoding applies to CSV files only; this file is xlsx"));
        upload(csv, Uploads.uniqueDataset("sheet_csv")).multiPart("sheet", "Sheet1")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("a CSV file has no sheets"));
        upload(csv, Uploads.uniqueDataset("enc_bogus")).multiPart("encoding", "klingon-8")
                .when().post("/api/ingestions")
                .then().statusCode(400)
                .body("detail", containsString("encoding 'klingon-8' is not a character set"));
    }

    @Test
    void theSameBytesWithOtherReadOptionsAreRefusedUnlessTheyReplaceTheEarlierLoad() {
        Path book = Uploads.CORPUS.resolve("poi__TwoSheetsOneHidden.xlsx");
        String dataset = Uploads.uniqueDataset("reload");
        JsonPath first = Uploads.ingest(book, dataset);

        upload(book, dataset).multiPart("sheet", "Sheet1")
                .when().post("/api/ingestions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Job " + first.getString("id") + " already loads these bytes into "
                        + "dataset '" + dataset + "' with no read options (all detected); upload them with "
                        + "replace=true to load them with sheet 'Sheet1' instead, replacing that job's rows"));
        String replacing = upload(book, dataset).multiPart("sheet", "Sheet1")
                .queryParam("replace", "true")
                .when().post("/api/ingestions")
                .then().statusCode(202)
                .extract().path("id");
        JsonPath second = Uploads.awaitFinished("/api/ingestions/" + replacing, Duration.ofSeconds(30));

        assertEquals("succeeded", second.getString("status"), second.prettify());
        assertEquals("Sheet1", second.getString("sheet"));
        assertEquals(replacing, api().get("/api/ingestions/" + first.getString("id")).then().statusCode(200)
                .extract().path("supersededBy"), "the earlier load of the same bytes is replaced");
        assertTrue(IngestionFlowTests.columnTypes(dataset).containsKey("sheet1a1"));
        upload(book, dataset).multiPart("sheet", "Sheet1")
                .when().post("/api/ingestions")
                .then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(replacing));
    }

    @Test
    void rowsStayReadableOnEveryPooledConnectionAfterTheTableWidens() throws IOException {
        String dataset = Uploads.uniqueDataset("widens");
        file = Files.createTempFile("first", ".csv");
        Files.writeString(file, "a,b\n1,x\n");
        Uploads.ingest(file, dataset);
        readRowsInParallel(dataset);
        Path second = Files.createTempFile("second", ".csv");
        Files.writeString(second, "a,b,c\nletters,y,2.5\n");

        Uploads.ingest(second, dataset);

        readRowsInParallel(dataset);
        assertEquals(Map.of("a", "text", "b", "text", "c", "numeric"), IngestionFlowTests.columnTypes(dataset));
        assertEquals("letters", IngestionFlowTests.rows(dataset).get(1).get("a"));
        Files.delete(second);
    }

    @Test
    void uploadsOfTheSameBytesWithOtherOptionsArrivingTogetherLoadThemOnce() throws IOException {
        file = Files.createTempFile("together", ".csv");
        Files.writeString(file, "a,b\n1,2\n");
        String dataset = Uploads.uniqueDataset("together");

        List<Integer> statuses = java.util.stream.Stream.of("", "UTF-8", "windows-1252").parallel()
                .map(encoding -> (encoding.isEmpty() ? upload(file, dataset) : upload(file, dataset)
                        .multiPart("encoding", encoding)).when().post("/api/ingestions").then().extract().statusCode())
                .sorted()
                .toList();

        assertEquals(List.of(202, 409, 409), statuses, "one of them is queued, the others are told to replace it");
        JsonPath jobs = api().queryParam("dataset", dataset).get("/api/ingestions").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(1, jobs.getList("items").size());
    }

    @Test
    void theSameColumnTypesInAnotherOrderOrCaseAreTheSameLoad() throws IOException {
        file = postalCodes();
        String dataset = Uploads.uniqueDataset("same_types");
        String id = upload(file, dataset).multiPart("columnTypes", "zip:text, amount:numeric")
                .when().post("/api/ingestions").then().statusCode(202).extract().path("id");

        upload(file, dataset).multiPart("columnTypes", "AMOUNT:numeric,ZIP:text")
                .when().post("/api/ingestions")
                .then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id));
        upload(file, dataset)
                .when().post("/api/ingestions")
                .then().statusCode(409)
                .body("detail", containsString("with sheet 'zips', columnTypes zip:text, amount:numeric; upload "
                        + "them with replace=true to load them with no read options (all detected) instead"));
        Uploads.awaitFinished("/api/ingestions/" + id, Duration.ofSeconds(30));
    }

    @Test
    void aHeaderTextSharedByTwoColumnsIsRefusedAndTheirColumnNamesWork() throws IOException {
        file = Files.createTempFile("amounts", ".csv");
        Files.writeString(file, "Amount,Amount\n1,2\n");

        JsonPath shared = finish(upload(file, Uploads.uniqueDataset("shared")).multiPart("columnTypes",
                "Amount:numeric"));
        String dataset = Uploads.uniqueDataset("by_name");
        JsonPath byName = finish(upload(file, dataset).multiPart("columnTypes", "amount_2:text"));

        assertEquals("columnTypes names the column 'Amount', which matches several columns of the header: use one "
                + "of their column names: amount, amount_2", shared.getString("error.detail"));
        assertEquals("succeeded", byName.getString("status"), byName.prettify());
        assertEquals(Map.of("amount", "bigint", "amount_2", "text"), IngestionFlowTests.columnTypes(dataset));
    }

    @Test
    void anUploadHoldsExactlyOneFile() throws IOException {
        file = postalCodes();

        upload(file, Uploads.uniqueDataset("two_files")).multiPart("file", file.toFile())
                .when().post("/api/ingestions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("The form holds 2 files; upload one file per request"));
        api().multiPart("dataset", Uploads.uniqueDataset("no_file")).multiPart("file", "just text")
                .when().post("/api/ingestions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("The form field 'file' is required"));
    }

    @Test
    void raggedCsvLinesAndErrorCellsAreWarningsWithTheirRows() throws IOException {
        file = Files.createTempFile("ragged", ".csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5\n6,7,8,9\n", StandardCharsets.UTF_8);
        String dataset = Uploads.uniqueDataset("ragged");

        JsonPath ragged = Uploads.ingest(file, dataset);
        Path book = Files.createTempFile("errors", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
            Sheet sheet = workbook.createSheet("ratios");
            sheet.createRow(0).createCell(0).setCellValue("ratio");
            sheet.createRow(1).createCell(0).setCellValue(0.5);
            sheet.createRow(2).createCell(0).setCellErrorValue(FormulaError.DIV0.getCode());
            workbook.write(out);
        }
        JsonPath errors = Uploads.ingest(book, Uploads.uniqueDataset("errs"));
        Files.delete(book);

        assertEquals(2, ragged.getInt("warnings"));
        assertEquals(List.of(3, 4), ragged.getList("warningDetails.row"));
        assertEquals("Line 3 has 2 fields where line 1 has 3: the missing values are NULL",
                ragged.getString("warningDetails[0].message"));
        assertEquals(4, IngestionFlowTests.columnTypes(dataset).size(), "the extra value got a column of its own");
        assertEquals(1, errors.getInt("warnings"));
        assertEquals(3, errors.getInt("warningDetails[0].row"));
        assertEquals("Cell A3 held #DIV/0!: read as NULL", errors.getString("warningDetails[0].message"));
    }

    @Test
    void emptyColumnsWithoutAHeaderAreDropped() throws IOException {
        file = Files.createTempFile("offset", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("table");
            Row header = sheet.createRow(2);
            header.createCell(2).setCellValue("name");
            header.createCell(4).setCellValue("qty");
            Row data = sheet.createRow(3);
            data.createCell(2).setCellValue("bolt");
            data.createCell(4).setCellValue(40);
            workbook.write(out);
        }
        String dataset = Uploads.uniqueDataset("offset");

        Uploads.ingest(file, dataset);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "text");
        expected.put("qty", "bigint");
        assertEquals(expected, IngestionFlowTests.columnTypes(dataset),
                "columns A and B left of the table and the spacer column D are not kept");
        assertEquals("bolt", IngestionFlowTests.rows(dataset).get(0).get("name"));
    }

    /** Enough parallel reads to use every connection of the reactive pool. */
    private static void readRowsInParallel(String dataset) {
        java.util.stream.IntStream.range(0, 40).parallel().forEach(i -> api().get("/api/datasets/" + dataset + "/rows")
                .then().statusCode(200));
    }

    /** ZIP codes under the format 00000 and whole amounts, as an Excel user types them. */
    private static Path postalCodes() throws IOException {
        Path xlsx = Files.createTempFile("zips", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("zips");
            CellStyle padded = workbook.createCellStyle();
            padded.setDataFormat(workbook.createDataFormat().getFormat("00000"));
            sheet.createRow(0).createCell(0).setCellValue("ZIP");
            sheet.getRow(0).createCell(1).setCellValue("amount");
            double[][] values = {{501, 12}, {90210, 7}};
            for (int i = 0; i < values.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(values[i][0]);
                row.getCell(0).setCellStyle(padded);
                row.createCell(1).setCellValue(values[i][1]);
            }
            workbook.write(out);
        }
        return xlsx;
    }

    private static RequestSpecification upload(Path path, String dataset) {
        return api().multiPart("file", path.toFile()).multiPart("dataset", dataset);
    }

    private static JsonPath finish(RequestSpecification request) {
        String id = request.when().post("/api/ingestions").then().statusCode(202).extract().path("id");
        return Uploads.awaitFinished("/api/ingestions/" + id, Duration.ofSeconds(30));
    }
}
