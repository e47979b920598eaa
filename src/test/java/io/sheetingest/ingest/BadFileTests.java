package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Bad files get a problem document naming what is wrong, and leave no rows and no table behind. */
@QuarkusTest
class BadFileTests {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void truncatedWorkbookIsRefusedAtUploadWith422() throws Exception {
        Path good = Uploads.CORPUS.resolve("tab__percentage.xlsx");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.createTempFile("truncated", ".xlsx");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String dataset = Uploads.uniqueDataset("truncated");

        api().multiPart("file", truncated.toFile())
                .multiPart("dataset", dataset)
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:unreadable-file"))
                .body("detail", containsString("damaged or truncated zip"));

        assertFalse(tableExists(dataset));
    }

    @Test
    void uploadAboveTheSizeLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        Path large = Files.createTempFile("large", ".xlsx");
        byte[] block = new byte[1 << 20];
        try (java.io.OutputStream out = Files.newOutputStream(large)) {
            for (int i = 0; i < 33; i++) {
                out.write(block);
            }
        }

        api().multiPart("file", large.toFile())
                .multiPart("dataset", Uploads.uniqueDataset("large"))
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:file-too-large"))
                .body("detail", containsString("largest accepted file is 33554432 bytes"));
        Files.deleteIfExists(large);
    }

    @Test
    void textFileIsUnsupportedMediaType() {
        api().multiPart("file", Uploads.CORPUS.resolve("cal__too_small.xls").toFile())
                .multiPart("dataset", Uploads.uniqueDataset("text"))
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:unsupported-format"))
                .body("detail", containsString("cal__too_small.xls"))
                .body("file", equalTo("cal__too_small.xls"));
    }

    @Test
    void fileFieldThatIsNotAFileIsBadRequest() {
        api().multiPart("file", "hello")
                .multiPart("dataset", Uploads.uniqueDataset("text_field"))
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("must be a file upload"));
    }

    @Test
    void bodyThatIsNotMultipartIsUnsupportedMediaType() {
        api().contentType("application/json")
                .body("{\"dataset\":\"x\"}")
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:unsupported-media-type"))
                .body("detail", containsString("multipart/form-data"));
    }

    @Test
    void truncatedMultipartBodyIsBadRequest() {
        api().contentType("multipart/form-data; boundary=XYZ")
                .body("--XYZ\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\nx\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badDatasetNameIsBadRequest() {
        api().multiPart("file", Uploads.CORPUS.resolve("tab__percentage.xlsx").toFile())
                .multiPart("dataset", "x; DROP TABLE ingest.jobs")
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("is not allowed"));
    }

    @Test
    void damagedWorkbookFailsItsJobWithAProblemAndNoTable() throws Exception {
        String dataset = Uploads.uniqueDataset("corrupted");
        JsonPath job = Uploads.awaitFinished(Uploads.uploadCorpus("poi__xlsx-corrupted.xlsx", dataset),
                Duration.ofSeconds(30));

        assertEquals("failed", job.getString("status"));
        assertEquals("urn:sheet-ingest:problem:unreadable-file", job.getString("error.type"));
        assertEquals(422, job.getInt("error.status"));
        assertEquals("poi__xlsx-corrupted.xlsx", job.getString("error.file"));
        assertFalse(tableExists(dataset), "a failed job leaves no table");
        api().get("/api/datasets/" + dataset).then().statusCode(404);
    }

    @Test
    void workbookThatBreaksMidwayLeavesNoRowsOfItsOwn() throws Exception {
        Path whole = Workbooks.orders(Files.createTempFile("orders", ".xlsx"), 30_000);
        Path broken = Workbooks.withTruncatedSheet(whole, Files.createTempFile("broken", ".xlsx"), 0.8);
        String dataset = Uploads.uniqueDataset("midway");

        JsonPath job = Uploads.awaitFinished(Uploads.upload(broken, dataset), Duration.ofSeconds(60));

        assertEquals("failed", job.getString("status"));
        assertEquals("urn:sheet-ingest:problem:unreadable-file", job.getString("error.type"));
        assertEquals("orders", job.getString("error.sheet"), "the problem names the sheet: " + job.prettify());
        assertEquals(0, job.getInt("rowsWritten"), "nothing counts as written after a rollback");
        assertFalse(tableExists(dataset), "rows copied before the damage were rolled back with the table");
        Files.deleteIfExists(whole);
        Files.deleteIfExists(broken);
    }

    private boolean tableExists(String dataset) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, "datasets." + dataset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
