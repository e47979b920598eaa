package io.sheetingest.sheet;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A temporary file that is appended to, then read at any position: writes go through one buffer of a page, reads
 * through a small direct-mapped cache of pages (512 KiB), so that lookups close to each other, as a sheet's shared
 * strings mostly are, cost no system call. Reads longer than a page bypass the cache. {@link #close()} deletes the
 * file. Not thread-safe.
 */
final class SpillFile implements Closeable {

    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Cached pages; a power of two, so that consecutive pages take consecutive slots. */
    private static final int PAGES = 8;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(PAGE);
    private final byte[] eight = new byte[Long.BYTES];
    /** Bytes handed to the channel; {@link #pending} holds those after them. */
    private long written;
    private byte[][] pages;
    private long[] pageNumbers;

    private SpillFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A new empty file in {@code dir}, readable and writable by its owner only where the file system allows. */
    static SpillFile create(Path dir, String prefix) throws IOException {
        Path path = Files.createTempFile(dir, prefix, ".tmp");
        try {
            return new SpillFile(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** Bytes appended so far. */
    long size() {
        return written + pending.position();
    }

    void append(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            int length = Math.min(pending.remaining(), bytes.length - offset);
            pending.put(bytes, offset, length);
            offset += length;
            if (!pending.hasRemaining()) {
                flush();
            }
        }
    }

    void appendLong(long value) throws IOException {
        if (pending.remaining() < Long.BYTES) {
            flush();
        }
        pending.putLong(value);
    }

    /** Fills {@code into[offset, offset + length)} with the bytes at {@code position}. */
    void read(long position, byte[] into, int offset, int length) throws IOException {
        if (pending.position() > 0) {
            flush();
        }
        if (position < 0 || position + length > written) {
            throw new EOFException("Cannot read " + length + " bytes at " + position + " of " + written + " in "
                    + path);
        }
        if (length > PAGE) {
            readFully(position, ByteBuffer.wrap(into, offset, length));
            return;
        }
        long at = position;
        int done = 0;
        while (done < length) {
            byte[] page = page(at >>> PAGE_BITS);
            int inPage = (int) (at & (PAGE - 1));
            int count = Math.min(length - done, PAGE - inPage);
            System.arraycopy(page, inPage, into, offset + done, count);
            done += count;
            at += count;
        }
    }

    long readLong(long position) throws IOException {
        read(position, eight, 0, Long.BYTES);
        return ByteBuffer.wrap(eight).getLong();
    }

    /** Closes and deletes the file; safe to call twice. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private void flush() throws IOException {
        if (pageNumbers != null) {
            // The last page may have been cached while only partly written.
            long last = written >>> PAGE_BITS;
            int slot = (int) (last & (PAGES - 1));
            if (pageNumbers[slot] == last) {
                pageNumbers[slot] = -1;
            }
        }
        pending.flip();
        while (pending.hasRemaining()) {
            written += channel.write(pending, written);
        }
        pending.clear();
    }

    private byte[] page(long number) throws IOException {
        if (pages == null) {
            pages = new byte[PAGES][];
            pageNumbers = new long[PAGES];
            Arrays.fill(pageNumbers, -1);
        }
        int slot = (int) (number & (PAGES - 1));
        if (pageNumbers[slot] != number) {
            if (pages[slot] == null) {
                pages[slot] = new byte[PAGE];
            }
            long start = number << PAGE_BITS;
            readFully(start, ByteBuffer.wrap(pages[slot], 0, (int) Math.min(PAGE, written - start)));
            pageNumbers[slot] = number;
        }
        return pages[slot];
    }

    private void readFully(long position, ByteBuffer into) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int read = channel.read(into, at);
            if (read < 0) {
                throw new EOFException("Unexpected end of " + path + " at " + at);
            }
            at += read;
        }
    }
}
