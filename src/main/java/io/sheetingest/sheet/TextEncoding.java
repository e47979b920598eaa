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

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * The character encoding of a text file. A declared encoding is used as declared (the file must decode in it).
 * Otherwise a byte-order mark decides; without one, UTF-16 is recognised by its zero bytes, then the whole file
 * must decode strictly as UTF-8, else as GB18030 (which covers GBK and GB2312, the usual encoding of Chinese Excel
 * exports) with its characters mostly in the common GB2312 range. Anything else is refused with the byte and line
 * where UTF-8 failed: single-byte encodings such as Windows-1252 or Latin-1 accept any bytes, so guessing them
 * would turn a mislabelled file into silently wrong text; the uploader declares them instead.
 *
 * @param charset    how to decode the text
 * @param bomLength  bytes of byte-order mark to skip before the text
 */
public record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

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

    /**
     * The canonical name of a character set an uploader declared.
     *
     * @return {@code null} when {@code name} is blank
     * @throws ProblemException 400 when Java knows no such character set
     */
    public static String declared(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim()).name();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "encoding '" + name.trim() + "' is not a character "
                    + "set this service knows: use e.g. utf-8, windows-1252, iso-8859-1, gb18030 or shift_jis");
        }
    }

    /**
     * The encoding of a whole file, detected or as declared; blocking, it may read the file end to end.
     *
     * @param declared the canonical name of the declared character set, or {@code null} to detect it
     * @throws SheetReadException when the bytes do not decode in the declared encoding, or no encoding is declared
     *         and they are neither UTF-8 nor GB18030
     */
    static TextEncoding detect(Path file, String declared) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        TextEncoding marked = bom(head);
        if (declared != null) {
            Charset charset = Charset.forName(declared);
            int skip = marked != null && sameUnicodeForm(marked.charset(), charset) ? marked.bomLength() : 0;
            long bad = firstUndecodable(file, charset, skip);
            if (bad >= 0) {
                throw refuse(file, bad, "The CSV file is not " + charset.name() + " text as declared");
            }
            return new TextEncoding(charset, skip);
        }
        if (marked != null) {
            return marked;
        }
        Charset utf16 = utf16ByZeros(head);
        if (utf16 != null) {
            return new TextEncoding(utf16, 0);
        }
        long notUtf8 = firstUndecodable(file, StandardCharsets.UTF_8, 0);
        if (notUtf8 < 0) {
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        }
        if (firstUndecodable(file, GB18030, 0) < 0 && mostlyGb2312(file)) {
            return new TextEncoding(GB18030, 0);
        }
        throw refuse(file, notUtf8, "The CSV file is neither UTF-8 nor GB18030 text");
    }

    private static boolean sameUnicodeForm(Charset bom, Charset declared) {
        return bom.equals(declared) || declared.name().equals("UTF-16") && bom.name().startsWith("UTF-16");
    }

    private static SheetReadException refuse(Path file, long offset, String what) throws IOException {
        int value;
        long line = 1;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int previous = -1;
            for (long i = 0; i < offset; i++) {
                int b = in.read();
                // a line ends at LF, CRLF (counted at its LF) or a lone CR, as FastCSV counts them
                line += b == '\n' || previous == '\r' && b != '\n' ? 1 : 0;
                previous = b;
            }
            line += previous == '\r' ? 1 : 0;
            value = in.read();
        }
        String advice = what.endsWith("declared") ? ": check the encoding named in the form field 'encoding'"
                : ": declare its encoding in the form field 'encoding', e.g. windows-1252 or iso-8859-1";
        return new SheetReadException(ProblemType.UNREADABLE_FILE, what + String.format(
                " (byte 0x%02X at line %d, byte offset %d cannot be decoded)", value, line, offset) + advice,
                null, line, null);
    }

    /**
     * Whether GB18030 text has most of its two-byte characters in the GB2312 range (both bytes 0xA1 or above), as
     * Chinese text does. Latin-1 or Windows-1252 text sometimes decodes as GB18030 too (an accented letter followed
     * by an ASCII letter forms a valid pair), but then its second bytes are ASCII letters.
     */
    private static boolean mostlyGb2312(Path file) throws IOException {
        long common = 0;
        long other = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b < 0x81 || b == 0xFF) {
                    continue;
                }
                int next = in.read();
                if (next >= 0x30 && next <= 0x39) {
                    in.skipNBytes(2);
                    other++;
                } else if (b >= 0xA1 && next >= 0xA1) {
                    common++;
                } else {
                    other++;
                }
            }
        }
        return common >= other;
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

    /**
     * Decodes the whole file without keeping it: one sequential pass, stopping at the first invalid byte.
     *
     * @param skip bytes of byte-order mark before the text
     * @return the offset of the first byte that does not decode, -1 when the whole file does
     */
    private static long firstUndecodable(Path file, Charset charset, int skip) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = skip;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(skip);
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    out.clear();
                    result = decoder.decode(in, out, end);
                    if (result.isError()) {
                        return consumed + in.position();
                    }
                } while (result.isOverflow());
                consumed += in.position();
                in.compact();
            }
            out.clear();
            return decoder.flush(out).isError() ? consumed : -1;
        }
    }
}
