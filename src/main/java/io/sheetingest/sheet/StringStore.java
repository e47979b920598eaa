package io.sheetingest.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;

/**
 * Strings kept by index, compactly and within a memory budget: their UTF-8 bytes packed one after another into
 * 64 KiB chunks, with one end offset (a {@code long}) per string, instead of a {@code String} object each (which
 * costs some 50 bytes of headers and references besides the text). While the bytes and offsets fit the budget they
 * stay on the heap; the first string that would pass it, and every one after it, go to two temporary files instead,
 * one for the bytes and one for the end offsets, read back through a {@link SpillFile}. A lookup is O(1) either way:
 * one or two offsets, then one slice of bytes.
 *
 * <p>A string with a lone surrogate, which UTF-8 cannot carry, is stored as UTF-16 chars and flagged in its end
 * offset. {@link #close()} deletes the files; it must be called, also when a read fails. Not thread-safe: one reader
 * fills the store, then looks strings up.
 */
final class StringStore implements Closeable {

    /** What an in-memory string costs besides its bytes: its end offset. */
    static final int OFFSET_BYTES = Long.BYTES;

    private static final Logger LOG = Logger.getLogger(StringStore.class);
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK = 1 << BLOCK_BITS;
    /** Set in a string's end offset when its bytes are UTF-16 chars, not UTF-8. */
    private static final long UTF16 = 1L << 62;
    private static final long POSITION = UTF16 - 1;

    private final long memoryBudget;
    private final Path spillDir;
    private final List<byte[]> chunks = new ArrayList<>();
    /** End offsets of the in-memory strings, in blocks of {@link #BLOCK}. */
    private long[][] ends = new long[16][];
    private int inMemory;
    private long memoryBytes;
    private SpillFile spilledBytes;
    private SpillFile spilledEnds;
    private int size;

    /**
     * @param memoryBudget heap the strings' bytes and offsets may take, in bytes; 0 or less spills every string
     * @param spillDir     where the temporary files go once the budget is passed
     */
    StringStore(long memoryBudget, Path spillDir) {
        this.memoryBudget = memoryBudget;
        this.spillDir = spillDir;
    }

    /**
     * Appends a string; its index is the number of strings added before it.
     *
     * @throws SpillFailure when the temporary files cannot be written
     */
    void add(String value) {
        if (size == Integer.MAX_VALUE) {
            throw new IllegalStateException("Cannot hold more than " + Integer.MAX_VALUE + " strings");
        }
        boolean utf16 = hasLoneSurrogate(value);
        byte[] bytes = utf16 ? utf16(value) : value.getBytes(StandardCharsets.UTF_8);
        long flag = utf16 ? UTF16 : 0;
        if (spilledBytes == null
                && memoryBytes + bytes.length + (inMemory + 1L) * OFFSET_BYTES <= memoryBudget) {
            keep(bytes, flag);
        } else {
            spill(bytes, flag);
        }
        size++;
    }

    /** The number of strings added. */
    int size() {
        return size;
    }

    /** How many of them are held on the heap: the first ones, up to the memory budget. */
    int inMemory() {
        return inMemory;
    }

    /** Whether strings were spilled to temporary files. */
    boolean spilled() {
        return spilledBytes != null;
    }

    /**
     * The string at {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     * @throws SpillFailure              when a spilled string cannot be read back
     */
    String get(int index) {
        Objects.checkIndex(index, size);
        if (index < inMemory) {
            long end = ends[index >>> BLOCK_BITS][index & (BLOCK - 1)];
            long start = index == 0 ? 0 : ends[(index - 1) >>> BLOCK_BITS][(index - 1) & (BLOCK - 1)] & POSITION;
            return fromMemory(start, (int) ((end & POSITION) - start), (end & UTF16) != 0);
        }
        long spilled = index - inMemory;
        try {
            long end = spilledEnds.readLong(spilled * Long.BYTES);
            long start = spilled == 0 ? 0 : spilledEnds.readLong((spilled - 1) * Long.BYTES) & POSITION;
            byte[] bytes = new byte[(int) ((end & POSITION) - start)];
            spilledBytes.read(start, bytes, 0, bytes.length);
            return decode(bytes, 0, bytes.length, (end & UTF16) != 0);
        } catch (IOException e) {
            throw new SpillFailure("Cannot read shared string " + index + " back from " + spilledBytes.path(), e);
        }
    }

    /** Deletes the temporary files, if any; a file that cannot be deleted is logged, never thrown. */
    @Override
    public void close() {
        chunks.clear();
        ends = new long[0][];
        for (SpillFile file : Arrays.asList(spilledBytes, spilledEnds)) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warnf(e, "could not delete the shared-strings spill file %s", file.path());
                }
            }
        }
    }

    private void keep(byte[] bytes, long flag) {
        long position = memoryBytes;
        int copied = 0;
        while (copied < bytes.length) {
            int chunk = (int) (position >>> CHUNK_BITS);
            if (chunk == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            int offset = (int) (position & (CHUNK - 1));
            int length = Math.min(bytes.length - copied, CHUNK - offset);
            System.arraycopy(bytes, copied, chunks.get(chunk), offset, length);
            copied += length;
            position += length;
        }
        memoryBytes = position;
        int block = inMemory >>> BLOCK_BITS;
        if (block == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        if (ends[block] == null) {
            ends[block] = new long[BLOCK];
        }
        ends[block][inMemory & (BLOCK - 1)] = position | flag;
        inMemory++;
    }

    private void spill(byte[] bytes, long flag) {
        try {
            if (spilledBytes == null) {
                spilledBytes = SpillFile.create(spillDir, SpillFiles.prefix("strings"));
                spilledEnds = SpillFile.create(spillDir, SpillFiles.prefix("string-ends"));
            }
            spilledBytes.append(bytes);
            spilledEnds.appendLong(spilledBytes.size() | flag);
        } catch (IOException e) {
            throw new SpillFailure("Cannot spill shared strings to a temporary file in " + spillDir + ": "
                    + e.getMessage(), e);
        }
    }

    private String fromMemory(long start, int length, boolean utf16) {
        if (length == 0) {
            return "";
        }
        int chunk = (int) (start >>> CHUNK_BITS);
        int offset = (int) (start & (CHUNK - 1));
        if (offset + length <= CHUNK) {
            return decode(chunks.get(chunk), offset, length, utf16);
        }
        byte[] bytes = new byte[length];
        int copied = 0;
        while (copied < length) {
            int count = Math.min(length - copied, CHUNK - offset);
            System.arraycopy(chunks.get(chunk), offset, bytes, copied, count);
            copied += count;
            chunk++;
            offset = 0;
        }
        return decode(bytes, 0, length, utf16);
    }

    private static String decode(byte[] bytes, int offset, int length, boolean utf16) {
        if (!utf16) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        char[] chars = new char[length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((bytes[offset + 2 * i] & 0xFF) << 8 | bytes[offset + 2 * i + 1] & 0xFF);
        }
        return new String(chars);
    }

    private static byte[] utf16(String value) {
        byte[] bytes = new byte[value.length() * 2];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return bytes;
    }

    /** Whether {@code value} holds a surrogate that is not half of a pair. */
    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The temporary files of a store could not be written or read: the machine's fault, not the workbook's, so the
     * job fails with a 507 that says where, rather than as an internal error.
     */
    static final class SpillFailure extends SheetReadException {

        SpillFailure(String message, IOException cause) {
            super(io.sheetingest.problem.ProblemType.INSUFFICIENT_STORAGE, message + ": free space there, or raise "
                    + "sheet-ingest.limits.shared-strings-memory-bytes");
            initCause(cause);
        }
    }
}
