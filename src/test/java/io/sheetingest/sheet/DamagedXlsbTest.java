package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sheetingest.problem.ProblemType;

/**
 * A damaged xlsb, its parts cut short, overwritten or with bytes flipped, is refused as unreadable (422) with what
 * is damaged in the service's words, never with POI's exception or message; what the row handler throws, such as a
 * cancelled job, still comes out unchanged.
 */
class DamagedXlsbTest {

    private static final Path WORKBOOK = Corpus.DIR.resolve("cal__date_1904.xlsb");
    private static final String SHEET = "xl/worksheets/sheet1.bin";
    /** Words of POI's and the JDK's messages that must not reach a client. */
    private static final List<String> INTERNALS = List.of("Exception", "IOUtils", "Index ", "out of bounds",
            "allocate", "end-of-file", "End of file", "bugzilla", "org.apache");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {SHEET, "xl/workbook.bin", "xl/styles.bin"})
    void refusesAPartCutShort(String part) throws IOException {
        Path book = damaged(part, bytes -> Arrays.copyOf(bytes, bytes.length / 2));

        SheetReadException e = assertRefused(book);
        assertTrue(e.getMessage().contains("is cut short"), e.getMessage());
    }

    @Test
    void namesTheSheetAndRowWhereTheSheetPartEnds() throws IOException {
        Path book = damaged(SHEET, bytes -> Arrays.copyOf(bytes, bytes.length / 2));

        SheetReadException e = assertRefused(book);
        assertTrue(e.getMessage().startsWith("The xlsb workbook is damaged: sheet 'Sheet1' is cut short"),
                e.getMessage());
        assertEquals("Sheet1", e.problem().sheet());
    }

    @Test
    void refusesARecordClaimingAnImpossibleLength() throws IOException {
        Path book = damaged(SHEET, bytes -> {
            byte[] garbage = bytes.clone();
            Arrays.fill(garbage, 40, 240, (byte) 0xFF);
            return garbage;
        });

        SheetReadException e = assertRefused(book);
        assertEquals("The xlsb workbook is damaged: sheet 'Sheet1' has a record longer than any it may hold",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, "xl/workbook.bin", "xl/styles.bin"})
    void readsOrRefusesAPartWithBytesFlipped(String part) throws IOException {
        for (int seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            Path book = damaged(part, bytes -> {
                byte[] flipped = bytes.clone();
                for (int i = 0; i < 10; i++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return flipped;
            });
            try {
                read(book, new Table());
            } catch (SheetReadException e) {
                assertClean(e);
            } catch (RuntimeException e) {
                throw new AssertionError(part + " with bytes flipped (seed " + seed + ") failed as " + e, e);
            }
        }
    }

    @Test
    void letsWhatTheRowHandlerThrowsThrough() {
        RuntimeException cancelled = new IllegalStateException("job cancelled");

        RuntimeException e = assertThrows(RuntimeException.class, () -> new XlsbReader()
                .read(WORKBOOK, ReadOptions.defaults(), (rowNumber, cells) -> {
                    throw cancelled;
                }));

        assertSame(cancelled, e);
    }

    @Test
    void letsARefusalOfTheRowHandlerThrough() {
        SheetReadException refusal = new SheetReadException(ProblemType.UNREADABLE_FILE, "too many rows");

        RuntimeException e = assertThrows(RuntimeException.class, () -> new XlsbReader()
                .read(WORKBOOK, ReadOptions.defaults(), (rowNumber, cells) -> {
                    throw refusal;
                }));

        assertSame(refusal, e);
    }

    private static SheetReadException assertRefused(Path book) {
        SheetReadException e = assertThrows(SheetReadException.class, () -> read(book, new Table()));
        assertClean(e);
        return e;
    }

    /** Unreadable (422), in the service's words. */
    private static void assertClean(SheetReadException e) {
        assertEquals(ProblemType.UNREADABLE_FILE.uri(), e.problem().type(), e.getMessage());
        assertEquals(422, e.problem().status());
        for (String internal : INTERNALS) {
            assertFalse(e.getMessage().contains(internal), e.getMessage());
        }
    }

    private static void read(Path book, Table table) {
        new TableReader(new XlsbReader(), TestLimits.defaults()).read(book, ReadOptions.defaults(), table);
    }

    /** The corpus workbook with {@code part}'s bytes replaced by what {@code damage} makes of them. */
    private Path damaged(String part, UnaryOperator<byte[]> damage) throws IOException {
        Path target = Files.createTempFile(dir, "damaged", ".xlsb");
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(WORKBOOK));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    bytes = damage.apply(bytes);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertTrue(found, "the workbook has no part " + part);
        return target;
    }
}
