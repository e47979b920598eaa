package io.sheetingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.MemorySize;
import io.sheetingest.problem.ProblemException;

class FileStoreTests {

    @TempDir
    Path dir;

    @Test
    void refusesAFileThatWouldEatIntoTheReserveWith507() throws Exception {
        FileStore store = new FileStore(config(dir, Long.MAX_VALUE / 2));
        Path upload = Files.writeString(dir.resolve("upload.csv"), "a,b\n1,2\n");

        ProblemException e = assertThrows(ProblemException.class, () -> store.ensureRoomFor(upload));

        assertEquals(507, e.problem().status());
        assertEquals("urn:sheet-ingest:problem:insufficient-storage", e.problem().type());
    }

    @Test
    void keepsTheSameBytesOnceUnderTheirHash() throws Exception {
        FileStore store = new FileStore(config(dir.resolve("store"), 0));
        Path first = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        Path second = Files.writeString(dir.resolve("b.csv"), "x\n1\n");

        FileStore.StoredFile one = store.store(first, false);
        FileStore.StoredFile two = store.store(second, true);

        assertEquals(64, one.sha256().length(), "hex SHA-256");
        assertEquals(one.sha256(), two.sha256());
        assertEquals(one.path(), two.path());
        assertTrue(Files.exists(first), "a copied source stays where it was");
        assertFalse(Files.exists(second), "a moved upload is gone from incoming");
        assertEquals("x\n1\n", Files.readString(one.path()));
    }

    private static StoreConfig config(Path root, long minFree) {
        return new StoreConfig() {
            @Override
            public Path dir() {
                return root;
            }

            @Override
            public MemorySize maxFileSize() {
                return new MemorySize(java.math.BigInteger.valueOf(1 << 20));
            }

            @Override
            public MemorySize minFree() {
                return new MemorySize(java.math.BigInteger.valueOf(minFree));
            }
        };
    }
}
