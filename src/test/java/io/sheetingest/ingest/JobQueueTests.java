package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The job queue in PostgreSQL: idempotent, replaceable, cancellable, listable, and safe across replicas. */
@QuarkusTest
class JobQueueTests {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobDispatcher dispatcher;

    @Inject
    JobRepository jobs;

    @Test
    void sameBytesForTheSameDatasetAreOneJobAndLandOnce() {
        String dataset = Uploads.uniqueDataset("twice");
        String first = Uploads.uploadCorpus("tab__percentage.xlsx", dataset);
        Uploads.awaitFinished(first, Duration.ofSeconds(30));

        String again = api().multiPart("file", Uploads.CORPUS.resolve("tab__percentage.xlsx").toFile())
                .multiPart("dataset", dataset)
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"))
                .extract()
                .header("Location");

        assertTrue(again.endsWith(first), "the existing job comes back: " + again + " vs " + first);
        api().get("/api/datasets/" + dataset).then().statusCode(200).body("rowCount", equalTo(3));
    }

    @Test
    void replaceSwapsTheRowsOfTheEarlierFileWithTheSameName() throws Exception {
        String dataset = Uploads.uniqueDataset("replace");
        Path older = Workbooks.orders(Files.createTempDirectory("a").resolve("orders.xlsx"), 10);
        Path newer = Workbooks.orders(Files.createTempDirectory("b").resolve("orders.xlsx"), 25);
        Uploads.ingest(older, dataset);
        Uploads.ingest(Uploads.CORPUS.resolve("tab__percentage.xlsx"), dataset);

        String job = api().multiPart("file", newer.toFile())
                .multiPart("dataset", dataset)
                .queryParam("replace", true)
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(202)
                .body("replace", equalTo(true))
                .extract()
                .header("Location");
        JsonPath done = Uploads.awaitFinished(job.substring(job.indexOf("/api/")), Duration.ofSeconds(30));

        assertEquals("succeeded", done.getString("status"));
        JsonPath detail = api().get("/api/datasets/" + dataset).then().statusCode(200).extract().jsonPath();
        assertEquals(28, detail.getInt("rowCount"), "10 old rows replaced by 25, the other file's 3 kept");
        assertEquals(List.of("tab__percentage.xlsx", "orders.xlsx"), detail.getList("files.fileName"));
        assertEquals(28L, countRows(dataset));
        String newerJob = job.substring(job.lastIndexOf('/') + 1);
        List<String> olderJobs = api().queryParam("dataset", dataset).queryParam("status", "succeeded")
                .get("/api/ingestions").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.file == 'orders.xlsx' && it.id != '" + newerJob + "' }.supersededBy");
        assertEquals(List.of(newerJob), olderJobs, "the replaced job says which job replaced it");

        api().multiPart("file", older.toFile())
                .multiPart("dataset", dataset)
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(202);
    }

    @Test
    void cancellingAQueuedJobKeepsItFromRunning() {
        dispatcher.pause();
        String dataset = Uploads.uniqueDataset("cancel_queued");
        try {
            String job = Uploads.uploadCorpus("tab__percentage.xlsx", dataset);
            api().delete(job).then().statusCode(200).body("status", equalTo("cancelled"));
        } finally {
            dispatcher.resume();
        }
        api().get("/api/ingestions?dataset=" + dataset).then().statusCode(200).body("items[0].status",
                equalTo("cancelled"));
        api().get("/api/datasets/" + dataset).then().statusCode(404);
    }

    @Test
    void cancellingARunningJobRollsItBack() throws Exception {
        Path file = Workbooks.orders(Files.createTempFile("cancel", ".xlsx"), 150_000);
        String dataset = Uploads.uniqueDataset("cancel_running");
        String job = Uploads.upload(file, dataset);
        awaitRows(job);

        api().delete(job).then().statusCode(202).body("status", equalTo("running"));
        JsonPath done = Uploads.awaitFinished(job, Duration.ofSeconds(60));

        assertEquals("cancelled", done.getString("status"));
        assertEquals("cancelled", done.getString("history[-1].outcome"));
        api().get("/api/datasets/" + dataset).then().statusCode(404);
        assertEquals(-1L, countRows(dataset), "the table made inside the job's transaction is gone too");
        api().delete(job).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void listsJobsNewestFirstInKeysetPages() {
        String dataset = Uploads.uniqueDataset("listing");
        List<String> uploaded = new ArrayList<>();
        for (String name : List.of("tab__percentage.xlsx", "poi__InlineStrings.xlsx", "sjs__wps_fn.xlsx")) {
            uploaded.add(Uploads.uploadCorpus(name, dataset).replace("/api/ingestions/", ""));
        }

        JsonPath first = api().queryParam("dataset", dataset).queryParam("limit", 2)
                .get("/api/ingestions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(uploaded.get(2), uploaded.get(1)), first.getList("items.id"));
        JsonPath second = api().queryParam("dataset", dataset).queryParam("limit", 2)
                .queryParam("after", first.getString("next"))
                .get("/api/ingestions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(uploaded.get(0)), second.getList("items.id"));
        assertNull(second.getString("next"), "the last page has no next");
        JsonPath exact = api().queryParam("dataset", dataset).queryParam("limit", 3)
                .get("/api/ingestions").then().statusCode(200).extract().jsonPath();
        assertEquals(3, exact.getList("items").size());
        assertNull(exact.getString("next"), "a page that is exactly full but last has no next");
        api().queryParam("after", "not-a-job").get("/api/ingestions").then().statusCode(400);
        api().queryParam("limit", "x").get("/api/ingestions").then().statusCode(400);
        api().queryParam("status", "exploded").get("/api/ingestions").then().statusCode(400);
    }

    @Test
    void jobWhoseReplicaDiedIsClaimedAgainAfterItsLeaseAndFinishedOnce() throws Exception {
        String dataset = Uploads.uniqueDataset("orphan");
        dispatcher.pause();
        String job;
        try {
            job = Uploads.uploadCorpus("poi__InlineStrings.xlsx", dataset);
            UUID id = UUID.fromString(job.replace("/api/ingestions/", ""));
            execute("UPDATE ingest.jobs SET status = 'running', owner = 'replica-that-died', attempts = 1, "
                    + "lease_until = now() - interval '1 second' WHERE id = '" + id + "'");
            execute("INSERT INTO ingest.job_attempts (job_id, attempt, owner) VALUES ('" + id
                    + "', 1, 'replica-that-died')");
        } finally {
            dispatcher.resume();
        }

        JsonPath done = Uploads.awaitFinished(job, Duration.ofSeconds(30));

        assertEquals("succeeded", done.getString("status"));
        assertEquals(2, done.getInt("attempts"));
        assertEquals("replica-that-died", done.getString("history[0].owner"));
        assertNull(done.getString("history[0].outcome"), "the dead replica never closed its attempt");
        assertEquals(dispatcher.owner(), done.getString("history[1].owner"));
        assertEquals(6L, countRows(dataset), "rows land exactly once");
    }

    @Test
    void connectionKilledMidCopyRollsBackAndTheRetryLandsEveryRowOnce() throws Exception {
        Path file = Workbooks.orders(Files.createTempFile("killed", ".xlsx"), 150_000);
        String dataset = Uploads.uniqueDataset("killed");
        String job = Uploads.upload(file, dataset);
        awaitRows(job);

        int killed = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (killed == 0 && System.nanoTime() < deadline) {
            killed = terminateCopy(dataset);
        }
        assertTrue(killed > 0, "the COPY connection should have been found and terminated");
        assertEquals(-1L, countRows(dataset), "nothing of the killed attempt is visible");

        JsonPath done = Uploads.awaitFinished(job, Duration.ofSeconds(90));

        assertEquals("succeeded", done.getString("status"));
        assertEquals(2, done.getInt("attempts"), "one retry after the transient failure");
        assertEquals("retried", done.getString("history[0].outcome"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT \"_source_row\") FROM datasets."
                        + dataset)) {
            rs.next();
            assertEquals(150_000, rs.getLong(1));
            assertEquals(150_000, rs.getLong(2), "no row twice");
        }
    }

    @Test
    void twoDispatchersClaimEachOfAHundredJobsExactlyOnce() throws Exception {
        dispatcher.pause();
        Set<UUID> inserted = new HashSet<>();
        try {
            String dataset = Uploads.uniqueDataset("claims");
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO ingest.jobs (id, dataset, file_name, "
                            + "sha256, size_bytes, format, status) VALUES (?, ?, 'x.xlsx', ?, 1, 'xlsx', 'queued')")) {
                for (int i = 0; i < 100; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, dataset);
                    insert.setString(3, "fake-" + id);
                    insert.addBatch();
                    inserted.add(id);
                }
                insert.executeBatch();
            }

            CompletableFuture<List<UUID>> a = CompletableFuture.supplyAsync(() -> claimAll("replica-a"));
            CompletableFuture<List<UUID>> b = CompletableFuture.supplyAsync(() -> claimAll("replica-b"));
            List<UUID> byA = a.get().stream().filter(inserted::contains).toList();
            List<UUID> byB = b.get().stream().filter(inserted::contains).toList();

            Set<UUID> all = new HashSet<>(byA);
            all.addAll(byB);
            assertEquals(100, byA.size() + byB.size(), "each job claimed once");
            assertEquals(inserted, all, "every job claimed");
            assertFalse(byA.isEmpty() || byB.isEmpty(), "both dispatchers got work: a=" + byA.size() + " b="
                    + byB.size());
        } finally {
            execute("DELETE FROM ingest.jobs WHERE sha256 LIKE 'fake-%'");
            dispatcher.resume();
        }
    }

    private List<UUID> claimAll(String owner) {
        List<UUID> claimed = new ArrayList<>();
        while (true) {
            Job job = jobs.claim(owner, Duration.ofMinutes(5)).await().atMost(Duration.ofSeconds(10));
            if (job == null) {
                return claimed;
            }
            claimed.add(job.id());
        }
    }

    /** Status names as the API writes them. */
    private static final class JobStatusText {
        static boolean finished(String status) {
            return "succeeded".equals(status) || "failed".equals(status) || "cancelled".equals(status);
        }
    }

    private static void awaitRows(String job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath state = api().get(job).then().statusCode(200).extract().jsonPath();
            if (state.getLong("rowsWritten") > 0 && "running".equals(state.getString("status"))) {
                return;
            }
            assertFalse(JobStatusText.finished(state.getString("status")),
                    "the job ended before the test could act: " + state.prettify());
            Uploads.sleep(20);
        }
        throw new AssertionError("job " + job + " never started writing");
    }

    private int terminateCopy(String dataset) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND query LIKE ?")) {
            s.setString(1, "COPY datasets.\"" + dataset + "\"%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Rows in the dataset's table, or -1 when the table does not exist. */
    private long countRows(String dataset) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('datasets." + dataset + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return -1;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM datasets." + dataset)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
