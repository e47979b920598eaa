package io.sheetingest.monitoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sheetingest.Api;

/** Prometheus sees every series the operations guide lists, and the ingestion series move when a file is loaded. */
@QuarkusTest
class MetricsScrapeTests {

    private static final int DATA_ROWS = 3;

    private static final List<String> PRESENT_AT_START = List.of(
            "executor_completed_tasks_total{name=\"cpu\"",
            "executor_completed_tasks_total{name=\"io\"",
            "executor_rejected_total{name=\"io\"",
            "executor_longest_running_seconds{name=\"cpu\"",
            "agroal_active_count",
            "agroal_awaiting_count",
            "sql_pool_active",
            "sql_pool_queue_size",
            "worker_pool_active",
            "worker_pool_queue_size",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "system_cpu_usage",
            "sheet_ingest_event_loop_lag_seconds",
            "sheet_ingest_event_loop_lag_samples_seconds_bucket",
            "sheet_ingest_store_free_bytes",
            "sheet_ingest_host_memory_available_bytes",
            "sheet_ingest_db_acquisition_timeouts_total");

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TempDir
    Path work;

    @Test
    void exposesEveryDocumentedSeriesAndCountsAnIngestion() throws Exception {
        String before = scrape();
        for (String series : PRESENT_AT_START) {
            assertTrue(sum(before, series) >= 0, "missing series " + series + "; family: " + family(before, series));
        }

        Path file = workbook();
        ingest(file, "metrics_probe");
        String after = scrape();

        assertEquals(1, moved(before, after, "sheet_ingest_jobs_total{outcome=\"succeeded\""), "one job succeeded");
        assertEquals(DATA_ROWS, moved(before, after, "sheet_ingest_rows_ingested_total"), "rows ingested");
        assertEquals(Files.size(file), moved(before, after, "sheet_ingest_ingested_bytes_total"), "bytes ingested");
        assertEquals(1, moved(before, after, "sheet_ingest_parse_duration_seconds_count"), "parse timed once");
        assertEquals(1, moved(before, after, "sheet_ingest_write_duration_seconds_count"), "write timed once");
        assertTrue(sum(after, "sheet_ingest_parse_duration_seconds_bucket") > 0, "parse histogram has buckets");
        assertTrue(sum(after, "sheet_ingest_write_duration_seconds_bucket") > 0, "write histogram has buckets");
        assertTrue(moved(before, after, "executor_completed_tasks_total{name=\"cpu\"") >= 1,
                "cpu executor ran the parse");
        assertTrue(moved(before, after, "agroal_acquire_count_total") >= 1, "COPY borrowed a JDBC connection");
        assertTrue(moved(before, after, "sheet_ingest_event_loop_lag_samples_seconds_count") > 0, "lag probe ticks");
        assertTrue(sum(after, "sheet_ingest_store_free_bytes") > 0, "file-store free space");
    }

    private String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }

    private static double moved(String before, String after, String series) {
        return sum(after, series) - Math.max(0, sum(before, series));
    }

    /** Sum of every sample whose name and first labels start with {@code series}; -1 when there is none. */
    private static double sum(String scrape, String series) {
        double total = -1;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && (line.startsWith(series + " ") || line.startsWith(series + "{")
                    || series.contains("{") && line.startsWith(series))) {
                total = Math.max(total, 0) + Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static String family(String scrape, String series) {
        String prefix = series.split("[_{]")[0];
        return scrape.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.replaceAll("[{ ].*", ""))
                .distinct()
                .toList()
                .toString();
    }

    private Path workbook() throws IOException {
        Path file = work.resolve("metrics.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // The same bytes for the same dataset are deduplicated into the earlier job, which would not count again.
            book.getProperties().getCoreProperties().setDescription(UUID.randomUUID().toString());
            Sheet sheet = book.createSheet("orders");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("order_id");
            header.createCell(1).setCellValue("amount");
            for (int i = 1; i <= DATA_ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("A-" + i);
                row.createCell(1).setCellValue(i * 1.5);
            }
            book.write(out);
        }
        return file;
    }

    private static void ingest(Path file, String dataset) throws InterruptedException {
        String location = Api.api()
                .multiPart("file", file.toFile())
                .multiPart("dataset", dataset)
                .post("/api/ingestions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = Api.api().get(location).then().statusCode(200).extract().path("status");
            if ("succeeded".equalsIgnoreCase(status) || "failed".equalsIgnoreCase(status)) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("succeeded", status.toLowerCase(), "job " + location + " ended as " + status);
    }
}
