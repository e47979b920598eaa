package io.sheetingest.it;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/** Upload, job and rows through the packaged application, as a client of the REST API sees them. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApp.class)
class IngestionIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void loadsUploadedWorkbookIntoTypedRows() throws IOException {
        String dataset = "it_orders_" + UUID.randomUUID().toString().substring(0, 8);

        JsonPath job = awaitFinished(uploadOrders(dataset));

        assertEquals("succeeded", job.getString("status"), () -> "job ended with " + job.prettify());
        assertEquals(2L, job.getLong("rowsRead"), "data rows read");
        assertEquals(2L, job.getLong("rowsWritten"), "rows written");
        assertEquals("Orders", job.getString("sheet"), "the first sheet is read when none is named");

        List<Map<String, Object>> rows = api().queryParam("limit", 10)
                .get("/api/datasets/{name}/rows", dataset)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(2, rows.size(), "rows of the dataset");
        assertOrder(rows.get(0), "00123", 5, "12.5", "2024-03-01");
        assertOrder(rows.get(1), "04560", 12, "0.1", "2024-02-29");
    }

    @Test
    void describesDatasetColumnsWithInferredTypes() throws IOException {
        String dataset = "it_columns_" + UUID.randomUUID().toString().substring(0, 8);
        awaitFinished(uploadOrders(dataset));

        api().get("/api/datasets/{name}", dataset)
                .then()
                .statusCode(200)
                .body("rowCount", equalTo(2))
                .body("columns.name", equalTo(List.of("sku", "quantity", "unit_price", "shipped_on")))
                .body("columns.header", equalTo(List.of(OrdersWorkbook.HEADERS)))
                .body("columns.type", equalTo(List.of("text", "bigint", "numeric", "date")));
    }

    @Test
    void answersUnknownJobWithProblem() {
        api().get("/api/ingestions/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    private static void assertOrder(Map<String, Object> row, String sku, long quantity, String price,
            String shipped) {
        assertEquals(sku, row.get("sku"), "leading zeros of a text cell are kept");
        assertEquals(BigDecimal.valueOf(quantity), new BigDecimal(String.valueOf(row.get("quantity"))),
                "whole number column, without a decimal point");
        assertEquals(new BigDecimal(price), row.get("unit_price"), "decimal to its shortest round-trip value");
        assertEquals(shipped, row.get("shipped_on"), "date-formatted number as a date");
    }

    /** Uploads a fresh {@link OrdersWorkbook} and returns its job's path; the server keeps its own copy. */
    private static String uploadOrders(String dataset) throws IOException {
        Path file = OrdersWorkbook.write(Files.createDirectories(Path.of("target")));
        try {
            String location = api().multiPart("file", file.toFile())
                    .multiPart("dataset", dataset)
                    .when()
                    .post("/api/ingestions")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            return location.substring(location.indexOf("/api/"));
        } finally {
            Files.delete(file);
        }
    }

    private static JsonPath awaitFinished(String jobPath) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = api().get(jobPath).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("succeeded".equals(status) || "failed".equals(status)) {
                return job;
            }
            pause();
        }
        return fail("job " + jobPath + " did not finish within " + JOB_TIMEOUT);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for a job");
        }
    }
}
