package io.sheetingest;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged application with a bad sizing variable and checks that start-up fails with one line naming
 * the variable and the value. Runs in the integration-test phase, on the real jar, with the real environment.
 */
class StartupValidationIT {

    private static final Path RUNNER = Path.of("target/quarkus-app/quarkus-run.jar");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "CPU_EXECUTOR_WORKERS, four, CPU_EXECUTOR_WORKERS='four' is not a whole number",
        "CPU_EXECUTOR_WORKERS, -1, CPU_EXECUTOR_WORKERS='-1' is negative",
        "IO_EXECUTOR_WORKERS, 2.5, IO_EXECUTOR_WORKERS='2.5' is not a whole number",
        "DB_POOL_SIZE, ten, DB_POOL_SIZE='ten' is not a whole number",
        "DB_MAX_OVERFLOW, -3, DB_MAX_OVERFLOW='-3' is negative",
        "ALERT_DISK_PERCENT, 120, ALERT_DISK_PERCENT (sheet-ingest.alerting.disk.warning)=120 must be between 0 and 100",
        "INBOX_CSV_ENCODING, klingon-8, INBOX_CSV_ENCODING (sheet-ingest.inbox.csv-encoding)='klingon-8' is not a "
                + "character set"
    })
    void badSizingStopsStartUpNamingTheVariable(String variable, String value, String expected) throws Exception {
        assertTrue(Files.exists(RUNNER), "package the application first: " + RUNNER);
        Path log = Files.createTempFile("startup", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", RUNNER.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put(variable, value);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("STORE_DIR", "target/startup-validation-store");
        env.put("DB_NAME", System.getenv().getOrDefault("DB_NAME", "sheet_ingest") + "_test");
        env.put("OIDC_PUBLIC_KEY", TestSettings.testProfileValue("sheet-ingest.security.public-key"));

        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        String output = read(log);
        assertTrue(exited, "the application should stop by itself, but it kept running:\n" + output);
        assertNotEquals(0, process.exitValue(), "start-up must fail");
        assertTrue(output.contains(expected), "expected '" + expected + "' in:\n" + output);
        Files.deleteIfExists(log);
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
