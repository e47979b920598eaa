package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Workbook-wide settings read from {@code workbook.xml}.
 *
 * @param date1904     whether serial dates count from 1904-01-01 (Mac Excel, Numbers) instead of 1900-01-00
 * @param hiddenSheets names of sheets marked hidden or very hidden
 * @param sheets       every sheet's name, in workbook order
 * @param relationIds  each sheet's relationship id in the workbook part ({@code r:id}), by sheet name
 */
record WorkbookProperties(boolean date1904, Set<String> hiddenSheets, List<String> sheets,
        Map<String, String> relationIds) {

    /** The sheet the uploader asked for, or the first visible one; see {@link SheetChoice}. */
    String choose(String requested) {
        return SheetChoice.choose(requested, sheets, hiddenSheets);
    }

    static WorkbookProperties read(XSSFReader reader)
            throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
        boolean[] date1904 = {false};
        Set<String> hidden = new HashSet<>();
        List<String> names = new ArrayList<>();
        Map<String, String> relations = new HashMap<>();
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("workbookPr".equals(localName)) {
                    String value = attributes.getValue("date1904");
                    date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                } else if ("sheet".equals(localName)) {
                    names.add(attributes.getValue("name"));
                    relations.put(attributes.getValue("name"), relationId(attributes));
                    String state = attributes.getValue("state");
                    if ("hidden".equals(state) || "veryHidden".equals(state)) {
                        hidden.add(attributes.getValue("name"));
                    }
                }
            }
        });
        try (InputStream workbook = reader.getWorkbookData()) {
            parser.parse(new InputSource(workbook));
        }
        return new WorkbookProperties(date1904[0], hidden, List.copyOf(names), relations);
    }

    /**
     * The sheet's {@code r:id}, whatever its namespace: transitional and Strict OOXML name the relationships
     * namespace differently.
     */
    private static String relationId(Attributes attributes) {
        for (int i = 0; i < attributes.getLength(); i++) {
            if ("id".equals(attributes.getLocalName(i)) && attributes.getURI(i).contains("relationships")) {
                return attributes.getValue(i);
            }
        }
        return null;
    }
}
