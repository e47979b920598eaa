package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StringStore}: every string back by index, on the heap, spilled, or split between the two. */
class StringStoreTest {

    /** Empty, ASCII, Latin-1, CJK, emoji (surrogate pairs), lone surrogates, control characters. */
    private static final List<String> SAMPLES = List.of("", "0002", "Zoë Müller", "東京都 渋谷区", "😀 ok 👍🏽",
            "lone \uD83D high", "lone \uDE00 low", "\uDE00\uD83D", "ends high \uD83D", "tab\tline\r\nnul\0", "",
            "x".repeat(70_000), "é".repeat(40_000), "");

    @TempDir
    Path dir;

    @Test
    void keepsStringsOnTheHeapWithinTheBudget() throws IOException {
        try (StringStore store = filled(64L << 20, SAMPLES)) {
            assertFalse(store.spilled());
            assertEquals(SAMPLES.size(), store.inMemory());
            assertAll(SAMPLES, store);
            assertEquals(List.of(), files());
        }
    }

    @Test
    void spillsEveryStringWithAZeroBudget() throws IOException {
        try (StringStore store = filled(0, SAMPLES)) {
            assertTrue(store.spilled());
            assertEquals(0, store.inMemory());
            assertAll(SAMPLES, store);
            assertEquals(2, files().size(), "one file of bytes, one of end offsets");
        }
        assertEquals(List.of(), files());
    }

    @Test
    void spillsFromTheFirstStringPastTheBudget() throws IOException {
        List<String> strings = List.of("abc", "", "défg", "hi", "jkl");
        // "abc", "" and "défg": 3 + 0 + 5 bytes of UTF-8 and 3 offsets of 8 bytes
        long fitsThree = 3 + 0 + 5 + 3 * StringStore.OFFSET_BYTES;

        try (StringStore exact = filled(fitsThree, strings); StringStore short1 = filled(fitsThree - 1, strings)) {
            assertEquals(3, exact.inMemory());
            assertEquals(2, short1.inMemory());
            assertAll(strings, exact);
            assertAll(strings, short1);
        }
    }

    @Test
    void staysSpilledOnceSpilledEvenForStringsThatWouldFit() throws IOException {
        List<String> strings = List.of("a", "b".repeat(100), "c", "d");
        try (StringStore store = filled(1 + 2 * StringStore.OFFSET_BYTES + 50, strings)) {
            assertEquals(1, store.inMemory(), "the rest keep their order in the file");
            assertAll(strings, store);
        }
    }

    @Test
    void readsManyStringsInAnyOrderAcrossChunksBlocksAndPages() throws IOException {
        Random random = new Random(42);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            strings.add(i % 7 == 0 ? "" : "ORD-" + i + "-" + "ü".repeat(random.nextInt(30)));
        }
        for (long budget : new long[] {64L << 20, 300_000, 0}) {
            try (StringStore store = filled(budget, strings)) {
                for (int n = 0; n < 60_000; n++) {
                    int index = random.nextInt(strings.size());
                    assertEquals(strings.get(index), store.get(index), "string " + index + ", budget " + budget);
                }
                assertAll(strings, store);
            }
        }
    }

    @Test
    void readsWhileStillBeingFilled() throws IOException {
        try (StringStore store = new StringStore(0, dir)) {
            for (int i = 0; i < 20_000; i++) {
                store.add("s" + i);
                assertEquals("s" + i, store.get(i));
                assertEquals("s" + i / 2, store.get(i / 2));
            }
        }
    }

    @Test
    void refusesAnIndexOutOfRange() throws IOException {
        try (StringStore store = filled(0, List.of("a", "b"))) {
            assertThrows(IndexOutOfBoundsException.class, () -> store.get(2));
            assertThrows(IndexOutOfBoundsException.class, () -> store.get(-1));
        }
        try (StringStore empty = new StringStore(1000, dir)) {
            assertThrows(IndexOutOfBoundsException.class, () -> empty.get(0));
        }
    }

    @Test
    void deletesItsFilesWhenClosedAfterAnException() throws IOException {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
            try (StringStore store = filled(10, SAMPLES)) {
                assertEquals(2, files().size());
                throw new IllegalStateException("the sheet turned out damaged");
            }
        });

        assertEquals("the sheet turned out damaged", failure.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        StringStore store = filled(0, SAMPLES);
        store.close();
        store.close();
        assertEquals(List.of(), files());
    }

    @Test
    void failsAsASpillFailureWhenTheFileCannotBeWritten() {
        StringStore store = new StringStore(0, dir.resolve("missing"));
        StringStore.SpillFailure e = assertThrows(StringStore.SpillFailure.class, () -> store.add("a"));
        store.close();
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(507, e.problem().status(), "the machine's storage, not the workbook, is at fault");
    }

    @Test
    void findsLoneSurrogates() {
        assertFalse(StringStore.hasLoneSurrogate("😀 pair"));
        assertTrue(StringStore.hasLoneSurrogate("\uD83D"));
        assertTrue(StringStore.hasLoneSurrogate("a\uDE00"));
        assertTrue(StringStore.hasLoneSurrogate("\uDE00\uD83D"));
        assertFalse("\uD83D".equals(new String("\uD83D".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)),
                "UTF-8 cannot carry a lone surrogate, which is why such strings are kept as UTF-16");
    }

    private StringStore filled(long budget, List<String> strings) {
        StringStore store = new StringStore(budget, dir);
        strings.forEach(store::add);
        return store;
    }

    private static void assertAll(List<String> expected, StringStore store) {
        assertEquals(expected.size(), store.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), store.get(i), "string " + i);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
