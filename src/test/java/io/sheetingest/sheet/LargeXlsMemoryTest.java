package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 60,000-row xls with a unique shared string per row streams through the xls reader in a 40 MB heap, in which
 * HSSF's user model, what the reader used to load, runs out of memory: both run in child JVMs started with
 * {@code -Xmx40m}. The streaming reader holds the shared strings table; the user model needed about twice as much.
 */
class LargeXlsMemoryTest {

    private static final int ROWS = 60_000;
    private static final String HEAP = "-Xmx40m";
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void readsSixtyThousandRowsInAHeapTheUserModelCannotLoadThemIn() throws IOException, InterruptedException {
        Path workbook = LargeWorkbook.writeXls(dir.resolve("orders.xls"), ROWS);

        Probe streamed = probe(dir.resolve("streamed.out"), workbook.toString());
        System.out.printf("xls=%d KiB%n%s", Files.size(workbook) >> 10, streamed.report);
        assertEquals(0, streamed.exitValue, streamed.report);
        List<String> lines = streamed.report.lines().toList();
        assertTrue(lines.contains("header=[id, code, amount, ordered, paid]"), streamed.report);
        assertTrue(lines.contains("rows=" + ROWS), streamed.report);
        assertTrue(lines.contains("last=" + LargeWorkbook.expectedRow(ROWS)), streamed.report);

        Probe loaded = probe(dir.resolve("loaded.out"), MemoryProbe.USER_MODEL, workbook.toString());
        assertNotEquals(0, loaded.exitValue, loaded.report);
        assertTrue(loaded.report.contains("OutOfMemoryError"), loaded.report);
    }

    /** What a probe JVM printed and how it exited. */
    private record Probe(int exitValue, String report) {
    }

    private static Probe probe(Path output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String report = Files.readString(output);
        assertTrue(finished, "the probe did not finish in " + TIMEOUT_SECONDS + " s:\n" + report);
        return new Probe(process.exitValue(), report);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
