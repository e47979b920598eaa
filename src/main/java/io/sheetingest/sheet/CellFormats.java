package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The number format of each cell style of an xlsx workbook, read from {@code styles.xml} by element names only, so
 * that transitional and Strict OOXML (which differ in namespace) read alike; POI's XMLBeans styles model knows the
 * transitional namespace only. Only what tells dates from numbers is kept: each style's format id and the
 * workbook's custom format codes.
 */
final class CellFormats {

    private static final CellFormats NONE = new CellFormats(List.of(), Map.of());

    private final List<Integer> formatIdByStyle;
    private final Map<Integer, String> customFormats;

    private CellFormats(List<Integer> formatIdByStyle, Map<Integer, String> customFormats) {
        this.formatIdByStyle = formatIdByStyle;
        this.customFormats = customFormats;
    }

    /** A workbook without a styles part: every cell has the General format. */
    static CellFormats none() {
        return NONE;
    }

    static CellFormats read(InputStream styles) throws IOException, SAXException, ParserConfigurationException {
        List<Integer> ids = new ArrayList<>();
        Map<Integer, String> custom = new HashMap<>();
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                switch (localName) {
                    case "numFmt" -> custom.put(number(attributes.getValue("numFmtId")),
                            attributes.getValue("formatCode"));
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            ids.add(number(attributes.getValue("numFmtId")));
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if ("cellXfs".equals(localName)) {
                    inCellXfs = false;
                }
            }
        });
        parser.parse(new InputSource(styles));
        return new CellFormats(List.copyOf(ids), Map.copyOf(custom));
    }

    /** What the cell style shows its numbers as. */
    DateFormats.Shows shows(int style) {
        if (style < 0 || style >= formatIdByStyle.size()) {
            return DateFormats.Shows.NUMBER;
        }
        int id = formatIdByStyle.get(style);
        return DateFormats.classify(id, code(style));
    }

    /** The style's number format code, {@code null} for a style the workbook does not define. */
    String code(int style) {
        if (style < 0 || style >= formatIdByStyle.size()) {
            return null;
        }
        int id = formatIdByStyle.get(style);
        return customFormats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
