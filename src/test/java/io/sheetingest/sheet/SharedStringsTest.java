package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    @Test
    void decodesExcelEscapesLikePoi() {
        assertEquals("a\rb", SharedStrings.decode("a_x000D_b"));
        assertEquals("_x00_ kept", SharedStrings.decode("_x00_ kept"), "an incomplete escape stays as written");
        assertEquals("no escapes", SharedStrings.decode("no escapes"));
    }

    @Test
    void readsTheSameStringsAsPoiForEveryCorpusWorkbook() throws Exception {
        int compared = 0;
        for (Path file : workbooks()) {
            List<String> expected;
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
                expected = new ArrayList<>();
                for (int i = 0; i < poi.getUniqueCount(); i++) {
                    expected.add(poi.getItemAt(i).getString());
                }
                SharedStrings ours = SharedStrings.read(pkg);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), ours.get(i), file.getFileName() + " string " + i);
                }
                compared++;
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException
                    | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    | org.apache.poi.ooxml.POIXMLException | org.xml.sax.SAXException e) {
                // damaged or encrypted corpus files: CorpusConformanceTest covers how they are refused
            }
        }
        assertEquals(true, compared > 10, "most corpus workbooks have shared strings to compare, compared " + compared);
    }

    private static List<Path> workbooks() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(CORPUS, "*.xlsx")) {
            dir.forEach(files::add);
        }
        return files;
    }
}
