package io.sheetingest.ingest;

import static io.sheetingest.Api.api;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Uploading files and waiting for their jobs, for tests. */
public final class Uploads {

    public static final Path CORPUS = Path.of("src/test/resources/corpus");

    private Uploads() {
    }

    /** A dataset name no earlier test run has used. */
    public static String uniqueDataset(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Uploads a file and returns the job's URL path; asserts 202 and a Location. */
    public static String upload(Path file, String dataset) {
        String location = api().multiPart("file", file.toFile())
                .multiPart("dataset", dataset)
                .when()
                .post("/api/ingestions")
                .then()
                .statusCode(202)
                .header("Location", startsWith("http"))
                .extract()
                .header("Location");
        return location.substring(location.indexOf("/api/"));
    }

    public static String uploadCorpus(String name, String dataset) {
        File file = CORPUS.resolve(name).toFile();
        return upload(file.toPath(), dataset);
    }

    /** Polls a job until it has finished: succeeded, failed or cancelled. */
    public static JsonPath awaitFinished(String jobPath, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = api().get(jobPath).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("succeeded".equals(status) || "failed".equals(status) || "cancelled".equals(status)) {
                return job;
            }
            sleep(100);
        }
        fail("job " + jobPath + " did not finish within " + timeout);
        return null;
    }

    /** Uploads, waits, and asserts the job succeeded. */
    public static JsonPath ingest(Path file, String dataset) {
        JsonPath job = awaitFinished(upload(file, dataset), Duration.ofSeconds(60));
        if (!"succeeded".equals(job.getString("status"))) {
            fail("job for " + file.getFileName() + " ended " + job.getString("status") + ": "
                    + job.getString("error.detail"));
        }
        return job;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
