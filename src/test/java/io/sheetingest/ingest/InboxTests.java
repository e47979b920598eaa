package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Files dropped into the inbox (test profile: target/test-inbox) become jobs and are moved when done. */
@QuarkusTest
class InboxTests {

    private static final Path INBOX = Path.of("target/test-inbox");

    @Test
    void completeFileIsIngestedIntoItsFolderDatasetAndMovedToDone() throws Exception {
        String dataset = Uploads.uniqueDataset("inbox");
        Path file = INBOX.resolve(dataset).resolve("growth.xlsx");
        Files.createDirectories(file.getParent());
        Files.copy(Uploads.CORPUS.resolve("tab__percentage.xlsx"), file);

        JsonPath first = sync();
        assertTrue(first.getList("waiting").contains(dataset + "/growth.xlsx"), "first sight only: " + first.prettify());
        JsonPath second = sync();
        assertTrue(second.getList("queued").contains(dataset + "/growth.xlsx"), "stable on the second scan");

        JsonPath job = awaitJob(dataset);
        assertEquals("succeeded", job.getString("status"));
        assertEquals("inbox:" + dataset + "/growth.xlsx", job.getString("source"));
        api().get("/api/datasets/" + dataset).then().statusCode(200);

        JsonPath third = sync();
        assertTrue(third.getList("moved").contains(dataset + "/growth.xlsx -> done"), third.prettify());
        assertTrue(Files.exists(INBOX.resolve("done").resolve(dataset).resolve("growth.xlsx")));
        assertFalse(Files.exists(file));
    }

    @Test
    void csvFilesAreReadInTheInboxEncoding() throws Exception {
        // the test profile sets INBOX_CSV_ENCODING=windows-1252, as for a feed from a legacy system
        String dataset = Uploads.uniqueDataset("inbox_csv");
        Path file = INBOX.resolve(dataset).resolve("prices.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, "item;price\nCafé crème;3.5\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));

        sync();
        sync();
        JsonPath job = awaitJob(dataset);

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("windows-1252", job.getString("encoding"));
        assertEquals("Café crème", IngestionFlowTests.rows(dataset).get(0).get("item"));
        sync();
    }

    @Test
    void fileStillBeingWrittenIsNotTakenEarly() throws Exception {
        String dataset = Uploads.uniqueDataset("half");
        Path file = INBOX.resolve(dataset).resolve("orders.xlsx");
        Files.createDirectories(file.getParent());
        byte[] bytes = Files.readAllBytes(Uploads.CORPUS.resolve("poi__InlineStrings.xlsx"));
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        sync();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
        JsonPath changed = sync();
        assertTrue(changed.getList("waiting").contains(dataset + "/orders.xlsx"), "size changed: still waiting");
        api().queryParam("dataset", dataset).get("/api/ingestions").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));

        JsonPath stable = sync();
        assertTrue(stable.getList("queued").contains(dataset + "/orders.xlsx"));
        assertEquals("succeeded", awaitJob(dataset).getString("status"), "the whole file, not half of it");
    }

    @Test
    void brokenFileMovesToFailedWithItsProblemBeside() throws Exception {
        String dataset = Uploads.uniqueDataset("broken");
        Path file = INBOX.resolve(dataset).resolve("corrupted.xlsx");
        Files.createDirectories(file.getParent());
        Files.copy(Uploads.CORPUS.resolve("poi__xlsx-corrupted.xlsx"), file);

        sync();
        sync();
        assertEquals("failed", awaitJob(dataset).getString("status"));
        sync();

        Path failed = INBOX.resolve("failed").resolve(dataset);
        assertTrue(Files.exists(failed.resolve("corrupted.xlsx")));
        String error = Files.readString(failed.resolve("corrupted.xlsx.error.json"));
        assertTrue(error.contains("urn:sheet-ingest:problem:unreadable-file"), error);
    }

    @Test
    void symbolicLinkLeadingOutOfTheInboxIsRefused() throws Exception {
        String dataset = Uploads.uniqueDataset("link");
        Path folder = Files.createDirectories(INBOX.resolve(dataset));
        Path outside = Files.createTempFile("outside", ".xlsx");
        Files.copy(Uploads.CORPUS.resolve("tab__percentage.xlsx"), outside,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(folder.resolve("secret.xlsx"), outside.toAbsolutePath());

        sync();
        JsonPath second = sync();

        assertTrue(second.getList("refused").contains(dataset + "/secret.xlsx"), second.prettify());
        assertFalse(second.getList("queued").contains(dataset + "/secret.xlsx"));
        assertTrue(Files.exists(outside), "the link target is never moved");
    }

    private static JsonPath sync() {
        return api().post("/api/sync").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitJob(String dataset) {
        List<String> ids = api().queryParam("dataset", dataset).get("/api/ingestions").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(1, ids.size(), "one job for " + dataset);
        return Uploads.awaitFinished("/api/ingestions/" + ids.get(0), Duration.ofSeconds(30));
    }
}
