package io.sheetingest.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * A workbook's shared strings as plain text, held compactly in a {@link StringStore}: on the heap up to
 * {@link SheetLimits#sharedStringsMemoryBytes()}, the rest in a temporary file that {@link #close()} deletes.
 * POI's {@code ReadOnlySharedStringsTable} wraps every lookup in a new {@code XSSFRichTextString}, an XMLBeans
 * object, which cost about a tenth of xlsx parsing in the benchmark's profile (docs/benchmarks.md); this reads the
 * same text once: each {@code <si>}'s {@code <t>} runs joined, phonetic runs ({@code <rPh>}) left out and Excel's
 * {@code _xHHHH_} escapes decoded, as POI's {@code getString()} does. Like POI, elements outside the SpreadsheetML
 * namespace and an empty part are ignored.
 */
final class SharedStrings implements Closeable {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    private static final String STRICT_SPREADSHEETML = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private final StringStore items;

    private SharedStrings(StringStore items) {
        this.items = items;
    }

    /**
     * The package's shared strings; none when it has no shared-strings part. When reading fails, the strings
     * spilled so far are deleted before the exception leaves.
     *
     * @param memoryBytes heap the strings may take before the rest are spilled to a temporary file
     * @param spillDir    where that file goes
     */
    static SharedStrings read(OPCPackage pkg, long memoryBytes, Path spillDir) throws IOException, XMLStreamException {
        StringStore store = new StringStore(memoryBytes, spillDir);
        try {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (!parts.isEmpty()) {
                try (PushbackInputStream in = new PushbackInputStream(parts.get(0).getInputStream(), 1)) {
                    int first = in.read();
                    if (first >= 0) {
                        in.unread(first);
                        SheetXml.parse(in, new Collector(store));
                    }
                }
            }
            return new SharedStrings(store);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The string at a {@code <c t="s">} cell's index. */
    String get(int index) {
        if (index < 0 || index >= items.size()) {
            throw new IllegalStateException("Cannot get item at " + index + " with " + items.size() + " strings");
        }
        return items.get(index);
    }

    /** How many strings the workbook holds; a cell's index must be below it. */
    int size() {
        return items.size();
    }

    /** Deletes the temporary file the strings were spilled to, if any. */
    @Override
    public void close() {
        items.close();
    }

    static String decode(String value) {
        if (value.indexOf("_x") < 0) {
            return value;
        }
        Matcher escape = ESCAPE.matcher(value);
        StringBuilder decoded = new StringBuilder(value.length());
        int from = 0;
        while (escape.find()) {
            decoded.append(value, from, escape.start()).append((char) Integer.parseInt(escape.group(1), 16));
            from = escape.end();
        }
        return from == 0 ? value : decoded.append(value, from, value.length()).toString();
    }

    /** Collects one string per {@code <si>} into the store. */
    private static final class Collector implements SheetXml.Handler {

        private final StringStore items;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        Collector(StringStore items) {
            this.items = items;
        }

        /** Transitional and Strict OOXML put the same elements in differently named namespaces. */
        private static boolean spreadsheetMl(XMLStreamReader element) {
            String uri = element.getNamespaceURI();
            return XSSFRelation.NS_SPREADSHEETML.equals(uri) || STRICT_SPREADSHEETML.equals(uri);
        }

        @Override
        public void start(XMLStreamReader element) {
            if (!spreadsheetMl(element)) {
                return;
            }
            switch (element.getLocalName()) {
                case "si" -> text.setLength(0);
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void end(XMLStreamReader element) {
            if (!spreadsheetMl(element)) {
                return;
            }
            switch (element.getLocalName()) {
                case "si" -> items.add(decode(text.toString()));
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                }
            }
        }

        @Override
        public boolean wantsText() {
            return inText;
        }

        @Override
        public void text(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }
    }
}
