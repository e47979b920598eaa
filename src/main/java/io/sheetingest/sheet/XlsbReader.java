package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.binary.XSSFBSharedStringsTable;
import org.apache.poi.xssf.binary.XSSFBSheetHandler;
import org.apache.poi.xssf.binary.XSSFBStylesTable;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.SAXException;


/**
 * Streams one worksheet of an Excel binary workbook (xlsb) with POI's {@code XSSFBReader}, with the same value
 * rules as xlsx. Merged regions are read from the sheet's {@code BrtMergeCell} records when a header needs them.
 */
public final class XlsbReader implements SheetReader {

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        String sheetName = options.sheet();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFBReader reader = new XSSFBReader(pkg);
            WorkbookProperties workbook;
            try (InputStream data = reader.getWorkbookData()) {
                workbook = XlsbWorkbookProperties.read(data);
            }
            String chosen = workbook.choose(sheetName);
            handler.workbook(workbook.sheets());
            XSSFBSharedStringsTable strings = new XSSFBSharedStringsTable(pkg);
            XSSFBStylesTable styles = reader.getXSSFBStylesTable();
            XSSFBReader.SheetIterator sheets = (XSSFBReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    boolean wanted = chosen.equals(name);
                    if (wanted) {
                        PackagePart part = sheets.getSheetPart();
                        handler.start(name, new XlsbMergedCells(() -> reopen(part)));
                        Rows rows = new Rows(workbook.date1904(), handler);
                        new XSSFBSheetHandler(sheet, styles, null, strings, rows, false).parse();
                        handler.end();
                        return name;
                    }
                }
            }
            throw SheetReadException.unreadable("The workbook lists a sheet '" + chosen
                    + "' but holds no worksheet part for it");
        } catch (IOException | OpenXML4JException | SAXException | POIXMLException | java.io.UncheckedIOException e) {
            throw SheetReadException.unreadable("The xlsb workbook is damaged: " + e.getMessage());
        }
    }

    private static InputStream reopen(PackagePart part) {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Turns the binary sheet's typed cell callbacks into rows of canonical cells. */
    private static final class Rows implements XSSFBSheetHandler.XSSFBSheetContentsHandler {

        private final boolean date1904;
        private final RowHandler handler;
        private final Map<Integer, DateFormats.Shows> formatByIndex = new HashMap<>();
        private List<Cell> cells = new ArrayList<>();

        Rows(boolean date1904, RowHandler handler) {
            this.date1904 = date1904;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                handler.row(rowNum + 1L, cells);
            }
        }

        @Override
        public void stringCell(String reference, String value, XSSFComment comment) {
            if (value != null && !value.isEmpty()) {
                cells.add(new Cell(column(reference), CellKind.TEXT, value));
            }
        }

        @Override
        public void doubleCell(String reference, double value, XSSFComment comment, ExcelNumberFormat format) {
            int column = column(reference);
            DateFormats.Shows shows = format == null ? DateFormats.Shows.NUMBER
                    : formatByIndex.computeIfAbsent(format.getIdx(),
                            index -> DateFormats.classify(index, format.getFormat()));
            cells.add(shows == DateFormats.Shows.NUMBER ? Numbers.cell(column, Numbers.shortest(value))
                    : DateFormats.cell(column, value, date1904, shows, format.getFormat()));
        }

        @Override
        public void booleanCell(String reference, boolean value, XSSFComment comment) {
            cells.add(new Cell(column(reference), CellKind.BOOLEAN, Boolean.toString(value)));
        }

        @Override
        public void errorCell(String reference, FormulaError error, XSSFComment comment) {
            String text = error == null ? "#ERROR" : error.getString();
            handler.errorCell(rowOf(reference), column(reference), text);
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
            // Page headers and footers are print settings, not table content.
        }

        @Override
        public void endSheet() {
            // Rows end themselves; the reader ends the sheet once the parser returns.
        }

        private static int column(String reference) {
            return CellReference.columnIndex(reference);
        }

        private static long rowOf(String reference) {
            return CellRange.parse(reference).firstRow();
        }
    }
}
