package io.sheetingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

class SpreadsheetFormatTest {

    @TempDir
    Path dir;

    @Test
    void detectsXlsByItsWorkbookStream() throws IOException {
        Path file = dir.resolve("book.bin");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("s").createRow(0).createCell(0).setCellValue("a");
            workbook.write(out);
        }

        assertEquals(SpreadsheetFormat.XLS, SpreadsheetFormat.detect(file, "upload"));
    }

    @Test
    void detectsDelimitedTextWhateverItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "a\tb\n1\t2\n");

        assertEquals(SpreadsheetFormat.CSV, SpreadsheetFormat.detect(file, "export.tsv"));
        assertEquals(SpreadsheetFormat.CSV, SpreadsheetFormat.detect(file, "export"));
    }

    @Test
    void refusesBinaryDataAsNotASpreadsheet() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1};
        Path file = Files.write(dir.resolve("image"), png);

        assertRefused(file, "image.csv", ProblemType.UNSUPPORTED_FORMAT, "not a spreadsheet");
    }

    @Test
    void refusesOpenDocumentNamingTheFormat() throws IOException {
        Path file = dir.resolve("sheet.ods");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
        }

        assertRefused(file, "sheet.ods", ProblemType.UNSUPPORTED_FORMAT, "OpenDocument");
    }

    @Test
    void refusesEmptyFileAsUnreadable() throws IOException {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);

        assertRefused(file, "empty.xlsx", ProblemType.UNREADABLE_FILE, "empty");
    }

    @Test
    void readsStoredFormatNames() {
        assertEquals(SpreadsheetFormat.XLS, SpreadsheetFormat.of("xls"));
        assertEquals(SpreadsheetFormat.CSV, SpreadsheetFormat.of("csv"));
    }

    private static void assertRefused(Path file, String name, ProblemType type, String detail) {
        ProblemException e = assertThrows(ProblemException.class, () -> SpreadsheetFormat.detect(file, name));
        assertEquals(type.uri(), e.problem().type());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
