package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million-row workbook with a million unique shared strings streams through the xlsx reader in a 256 MB heap:
 * the read runs in a child JVM started with {@code -Xmx256m}, which dies if the reader ever holds the sheet.
 */
class LargeWorkbookMemoryTest {

    private static final int ROWS = 1_000_000;
    private static final long TIMEOUT_SECONDS = 150;

    @TempDir
    Path dir;

    @Test
    void readsMillionRowWorkbookWithin256MegabyteHeap() throws IOException, InterruptedException {
        Path workbook = LargeWorkbook.write(dir.resolve("orders.xlsx"), ROWS);
        Path output = dir.resolve("probe.out");

        Process probe = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), workbook.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = probe.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }
        String report = Files.readString(output);
        System.out.printf("workbook=%d MiB%n%s", Files.size(workbook) >> 20, report);

        assertTrue(finished, "the probe did not finish in " + TIMEOUT_SECONDS + " s:\n" + report);
        assertEquals(0, probe.exitValue(), report);
        List<String> lines = report.lines().toList();
        assertTrue(lines.contains("header=[id, code, amount, ordered, paid]"), report);
        assertTrue(lines.contains("rows=" + ROWS), report);
        assertTrue(lines.contains("last=" + LargeWorkbook.expectedRow(ROWS)), report);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
