package io.sheetingest.benchmark;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.aalto.sax.SAXParserFactoryImpl;

/**
 * How fast SAX parsers read a workbook's first sheet XML with a handler that only counts cells: the JDK's (which
 * POI and the service use) and Aalto's. Profiling evidence for docs/benchmarks.md, not part of the comparison.
 */
final class SaxSpeed {

    private SaxSpeed() {
    }

    static void run(Path xlsx, int rounds) throws Exception {
        SAXParserFactory jdk = SAXParserFactory.newDefaultInstance();
        jdk.setNamespaceAware(true);
        SAXParserFactory aalto = new SAXParserFactoryImpl();
        aalto.setNamespaceAware(true);
        for (int round = 1; round <= rounds; round++) {
            measure("jdk", jdk, xlsx);
            measure("aalto", aalto, xlsx);
        }
    }

    private static void measure(String name, SAXParserFactory factory, Path xlsx) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            CellCounter counter = new CellCounter();
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setContentHandler(counter);
            long started = System.nanoTime();
            try (InputStream in = zip.getInputStream(sheet)) {
                reader.parse(new InputSource(in));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "{\"parser\":\"%s\",\"xml_mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,"
                    + "\"cells\":%d}%n", name, sheet.getSize() / 1e6, seconds, sheet.getSize() / 1e6 / seconds,
                    counter.cells);
        }
    }

    private static final class CellCounter extends DefaultHandler {

        private long cells;
        private long chars;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("c".equals(localName)) {
                cells++;
                chars += attributes.getValue("r") == null ? 0 : 1;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            chars += length;
        }
    }
}
