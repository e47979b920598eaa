package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character encoding of a text file: a byte-order mark decides; without one, UTF-16 is recognised by its
 * zero bytes, then the whole file must decode strictly as UTF-8, else as GB18030 (which covers GBK and GB2312,
 * the usual encoding of Chinese Excel exports), else it is read as Windows-1252.
 *
 * @param charset    how to decode the text
 * @param bomLength  bytes of byte-order mark to skip before the text
 */
public record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SAMPLE_BYTES = 4096;
    /** Text may hold the odd control character (a NUL in a field); binary data is full of them. */
    private static final double MAX_CONTROL_SHARE = 0.1;

    /** Whether the start of a file looks like text in an encoding {@link #detect} understands, not binary data. */
    public static boolean looksLikeText(byte[] head) {
        if (bom(head) != null || utf16ByZeros(head) != null) {
            return true;
        }
        int control = 0;
        for (byte b : head) {
            control += b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' ? 1 : 0;
        }
        return control <= Math.max(1, head.length * MAX_CONTROL_SHARE);
    }

    /** Detects the encoding of a whole file; blocking, it may read the file end to end. */
    static TextEncoding detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        TextEncoding marked = bom(head);
        if (marked != null) {
            return marked;
        }
        Charset utf16 = utf16ByZeros(head);
        if (utf16 != null) {
            return new TextEncoding(utf16, 0);
        }
        for (Charset candidate : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            if (decodesStrictly(file, candidate)) {
                return new TextEncoding(candidate, 0);
            }
        }
        return new TextEncoding(WINDOWS_1252, 0);
    }

    private static TextEncoding bom(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /** UTF-16 text that is mostly ASCII has a zero in every other byte, on the odd side for little-endian. */
    private static Charset utf16ByZeros(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Decodes the whole file without keeping it: one sequential pass, stopping at the first invalid byte. */
    private static boolean decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    out.clear();
                    result = decoder.decode(in, out, end);
                    if (result.isError()) {
                        return false;
                    }
                } while (result.isOverflow());
                in.compact();
            }
        }
        out.clear();
        return !decoder.flush(out).isError();
    }
}
