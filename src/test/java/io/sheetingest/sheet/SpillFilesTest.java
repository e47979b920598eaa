package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFilesTest {

    @TempDir
    Path dir;

    @Test
    void removesOnlyTheFilesOfProcessesThatEnded() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long self = ProcessHandle.current().pid();
        Path mine = Files.createFile(dir.resolve(SpillFiles.prefix("strings") + "1.tmp"));
        Path mineEnds = Files.createFile(dir.resolve(SpillFiles.prefix("string-ends") + "1.tmp"));
        Path ended = Files.write(dir.resolve("sheet-ingest-strings-" + finished.pid() + "-1700000000000-2.tmp"),
                new byte[100]);
        Path reusedId = Files.createFile(dir.resolve("sheet-ingest-string-ends-" + self + "-1-3.tmp"));
        Path unrelated = Files.createFile(dir.resolve("sheet-ingest-strings-notes.tmp"));

        int removed = SpillFiles.removeStale(dir);

        assertEquals(2, removed);
        assertFalse(Files.exists(ended), "its process has ended");
        assertFalse(Files.exists(reusedId), "same process id, another start time: a restarted container");
        assertTrue(Files.exists(mine), "this process may still be reading it");
        assertTrue(Files.exists(mineEnds));
        assertTrue(Files.exists(unrelated), "not a name this service writes");
    }

    @Test
    void toleratesAMissingDirectory() throws IOException {
        assertEquals(0, SpillFiles.removeStale(dir.resolve("absent")));
    }
}
