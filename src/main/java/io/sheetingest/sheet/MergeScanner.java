package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code <mergeCell ref="..."/>} elements of a worksheet part. They follow the sheet data, so a
 * streaming reader only learns them at the end; when a header needs them the part is inflated again and scanned
 * as bytes, which is many times faster than parsing its XML.
 */
final class MergeScanner implements MergedCells {

    private static final byte[] ELEMENT = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("\\bref\\s*=\\s*[\"']([A-Za-z$0-9:]+)[\"']");
    private static final int MAX_TAG_BYTES = 512;

    private final Supplier<InputStream> part;

    MergeScanner(Supplier<InputStream> part) {
        this.part = part;
    }

    @Override
    public List<CellRange> overlapping(long firstRow, long lastRow) {
        try (InputStream in = part.get()) {
            return scan(in, firstRow, lastRow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CellRange> scan(InputStream in, long firstRow, long lastRow) throws IOException {
        List<CellRange> found = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        StringBuilder tag = null;
        int matched = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (tag != null) {
                    if (b == '>' || tag.length() > MAX_TAG_BYTES) {
                        addIfOverlapping(tag, firstRow, lastRow, found);
                        tag = null;
                    } else {
                        tag.append((char) b);
                    }
                } else if (matched == ELEMENT.length) {
                    matched = 0;
                    if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                        tag = new StringBuilder();
                    }
                } else if (b == ELEMENT[matched]) {
                    matched++;
                } else {
                    matched = b == ELEMENT[0] ? 1 : 0;
                }
            }
        }
        return found;
    }

    private static void addIfOverlapping(CharSequence tag, long firstRow, long lastRow, List<CellRange> found) {
        Matcher ref = REF.matcher(tag);
        if (!ref.find()) {
            return;
        }
        CellRange range = CellRange.parse(ref.group(1));
        if (range != null && range.firstRow() <= lastRow && range.lastRow() >= firstRow) {
            found.add(range);
        }
    }
}
