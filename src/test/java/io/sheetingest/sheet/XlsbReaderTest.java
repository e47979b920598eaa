package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.junit.jupiter.api.Test;

class XlsbReaderTest {

    private static final Path WORKBOOK = Corpus.DIR.resolve("cal__date_1904.xlsb");

    @Test
    void readsDateSystemAndSheetStatesFromWorkbookRecords() throws Exception {
        try (OPCPackage pkg = OPCPackage.open(WORKBOOK.toFile(), PackageAccess.READ);
                InputStream workbook = new XSSFBReader(pkg).getWorkbookData()) {
            WorkbookProperties properties = XlsbWorkbookProperties.read(workbook);

            assertTrue(properties.date1904(), "the workbook uses the 1904 date system");
            assertEquals(Set.of(), properties.hiddenSheets());
        }
    }

    @Test
    void readsTheSheetItIsAskedFor() {
        Table table = new Table();
        String sheet = new TableReader(new XlsbReader(), TestLimits.defaults())
                .read(WORKBOOK, new ReadOptions("Sheet1", null), table);

        assertEquals("Sheet1", sheet);
        assertEquals(3, table.rows.size());
    }

    @Test
    void refusesASheetNameTheWorkbookDoesNotHave() {
        SheetReadException e = assertThrows(SheetReadException.class, () -> new XlsbReader()
                .read(WORKBOOK, new ReadOptions("Missing", null), new HeaderFinder(null, 20, new Table())));

        assertEquals(422, e.problem().status());
        assertEquals("Missing", e.problem().sheet());
    }
}
