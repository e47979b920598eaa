package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static io.sheetingest.ingest.Uploads.CORPUS;
import static io.sheetingest.ingest.Uploads.ingest;
import static io.sheetingest.ingest.Uploads.uniqueDataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Real workbooks from different producers go through upload, the executors and COPY, and come back over REST. */
@QuarkusTest
class IngestionFlowTests {

    @Test
    void excelOnlineWorkbookKeepsIdsDatesAndBooleansTyped() {
        String dataset = uniqueDataset("excel_online");
        JsonPath job = ingest(CORPUS.resolve("esr__formatted-date_excelonline.xlsx"), dataset);

        assertEquals(1, job.getInt("rowsWritten"));
        assertEquals("Sheet0", job.getString("sheet"), "the first sheet is read by default");
        Map<String, String> types = columnTypes(dataset);
        assertEquals("bigint", types.get("id"));
        assertEquals("date", types.get("date_of_birth"), "[$-809]dd mmmm yyyy is a date format");
        assertEquals("boolean", types.get("has_sugg_merge"));

        Map<String, Object> row = rows(dataset).get(0);
        assertNumber("10002", row.get("id"));
        assertEquals("1976-09-06", row.get("date_of_birth"), "serial 28009 is 1976-09-06");
        assertEquals(false, row.get("has_sugg_merge"));
        assertEquals("John", row.get("first_name"));
        assertNumber("2", row.get("_source_row"), "lineage keeps the sheet's row number");
    }

    @Test
    void libreOfficePercentagesStayExactDecimals() {
        String dataset = uniqueDataset("libreoffice");
        ingest(CORPUS.resolve("tab__percentage.xlsx"), dataset);

        assertEquals(Map.of("col1", "bigint", "col2", "numeric"), columnTypes(dataset));
        List<Map<String, Object>> rows = rows(dataset);
        assertEquals(List.of("0.52", "0.3", "0.06"), rows.stream().map(r -> r.get("col2").toString()).toList(),
                "52% is stored as 0.52, not 0.52000000000000002");
        assertNumber("123", rows.get(0).get("col1"));
    }

    @Test
    void wpsFormulasGiveTheirCachedValueAndTextStaysText() {
        String dataset = uniqueDataset("wps");
        ingest(CORPUS.resolve("sjs__wps_fn.xlsx"), dataset);

        Map<String, Object> first = rows(dataset).get(0);
        assertEquals("EVALUATE", first.get("name"));
        assertEquals("=EVALUATE(\"1+1\")", first.get("example"), "text that looks like a formula stays text");
        assertNumber("2", first.get("result"), "a formula lands as its cached value");
    }

    @Test
    void streamWriterWorkbookKeepsUnicodeHugeNumbersAndIsoDates() {
        String dataset = uniqueDataset("node_stream");
        ingest(CORPUS.resolve("fex__xlsx-stream-d-date-cell.xlsx"), dataset);

        Map<String, String> types = columnTypes(dataset);
        assertEquals("numeric", types.get("amp"));
        assertEquals("text", types.get("てすと"), "CJK headers keep their characters");
        List<Map<String, Object>> rows = rows(dataset);
        assertNumber("12345678900000000000000", rows.get(1).get("amp"), "1.23456789e+22 exactly");
        assertEquals("2014-02-14 08:27:48.765", rows.get(3).get("てすと"), "t=\"d\" ISO cells are timestamps");
        assertEquals("36:00:00", rows.get(8).get("てすと"), "elapsed-time format keeps hours past a day");
    }

    @Test
    void inlineStringWorkbookReadsInlineAndSharedStrings() {
        String dataset = uniqueDataset("inline");
        JsonPath job = ingest(CORPUS.resolve("poi__InlineStrings.xlsx"), dataset);

        assertEquals(6, job.getInt("rowsRead"));
        List<Map<String, Object>> rows = rows(dataset);
        assertEquals(List.of("1st Inline String", "2nd Inline String", "More", "B", "And More", "The End"),
                rows.stream().map(r -> r.get("inline_strings")).toList());
        assertNumber("44", rows.get(1).get("formulas"));
    }

    @Test
    void googleSheetsExportLandsWithItsSourceFileListed() {
        String dataset = uniqueDataset("google");
        JsonPath job = ingest(CORPUS.resolve("ejs__google-sheets_hidden.xlsx"), dataset);

        JsonPath detail = api().get("/api/datasets/" + dataset).then().statusCode(200).extract().jsonPath();
        assertEquals("datasets." + dataset, detail.getString("table"));
        assertEquals(2, detail.getInt("rowCount"));
        assertEquals(job.getString("id"), detail.getString("files[0].jobId"));
        assertEquals("ejs__google-sheets_hidden.xlsx", detail.getString("files[0].fileName"));
        assertEquals(List.of("HIDDEN", "VISIBLE"), rows(dataset).stream().map(r -> r.get("begin")).toList());
        assertNull(rows(dataset).get(0).get("hidden"));
    }

    @Test
    void secondFileAppendsAndPagesInLoadOrder() {
        String dataset = uniqueDataset("append");
        ingest(CORPUS.resolve("poi__InlineStrings.xlsx"), dataset);
        ingest(CORPUS.resolve("tab__percentage.xlsx"), dataset);

        JsonPath detail = api().get("/api/datasets/" + dataset).then().statusCode(200).extract().jsonPath();
        assertEquals(9, detail.getInt("rowCount"));
        assertEquals(6, detail.getList("columns").size(), "columns of both files");
        List<Map<String, Object>> page = page(dataset, 2, 1);
        assertEquals(2, page.size());
        List<Map<String, Object>> all = rows(dataset);
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 2, 3, 4),
                all.stream().map(r -> ((Number) r.get("_source_row")).intValue()).toList(),
                "rows come in load order: the first file's, then the second's");
        assertEquals("A", all.get(0).get("strings"));
        assertNumber("123", all.get(6).get("col1"));
    }

    @Test
    void pagingParameterThatIsNotANumberIsBadRequest() {
        api().queryParam("limit", "abc")
                .get("/api/datasets/anything/rows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("'limit'"));
    }

    @Test
    void unknownDatasetIsNotFoundProblem() {
        api().get("/api/datasets/no_such_dataset_here/rows")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:sheet-ingest:problem:not-found"));
    }

    @Test
    void pageSizeAboveTheLimitIsBadRequest() {
        api().queryParam("limit", 5000)
                .get("/api/datasets/anything/rows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** JSON numbers arrive as Integer, Long, BigInteger or BigDecimal: compare their exact decimal text. */
    static void assertNumber(String expected, Object actual, String... message) {
        assertEquals(new BigDecimal(expected), actual == null ? null : new BigDecimal(actual.toString()),
                message.length == 0 ? null : message[0]);
    }

    static Map<String, String> columnTypes(String dataset) {
        List<Map<String, String>> columns = api().get("/api/datasets/" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("columns");
        Map<String, String> types = new java.util.LinkedHashMap<>();
        columns.forEach(c -> types.put(c.get("name"), c.get("type")));
        return types;
    }

    static List<Map<String, Object>> rows(String dataset) {
        return page(dataset, 1000, 0);
    }

    /** One page of a dataset's rows over REST. */
    static List<Map<String, Object>> page(String dataset, int limit, long offset) {
        return api().queryParam("limit", limit)
                .queryParam("offset", offset)
                .get("/api/datasets/" + dataset + "/rows")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }
}
