package io.sheetingest.sheet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.binary.XSSFBSharedStringsTable;
import org.apache.poi.xssf.binary.XSSFBSheetHandler;
import org.apache.poi.xssf.binary.XSSFBStylesTable;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.SAXException;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * Streams one worksheet of an Excel binary workbook (xlsb) with POI's {@code XSSFBReader}, with the same value
 * rules as xlsx. Merged regions are read from the sheet's {@code BrtMergeCell} records when a header needs them.
 */
public final class XlsbReader implements SheetReader {

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        String sheetName = options.sheet();
        Guarded guarded = new Guarded(handler);
        Place at = new Place();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFBReader reader = new XSSFBReader(pkg);
            WorkbookProperties workbook;
            at.part = "its workbook part";
            try (InputStream data = reader.getWorkbookData()) {
                workbook = XlsbWorkbookProperties.read(data);
            }
            String chosen = workbook.choose(sheetName);
            guarded.workbook(workbook.sheets());
            at.part = "its shared strings";
            XSSFBSharedStringsTable strings = new XSSFBSharedStringsTable(pkg);
            at.part = "its styles part";
            XSSFBStylesTable styles = reader.getXSSFBStylesTable();
            at.part = "its list of sheets";
            XSSFBReader.SheetIterator sheets = (XSSFBReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    boolean wanted = chosen.equals(name);
                    if (wanted) {
                        PackagePart part = sheets.getSheetPart();
                        guarded.start(name, new XlsbMergedCells(() -> reopen(part)));
                        at.part = "sheet '" + name + "'";
                        at.sheet = name;
                        Rows rows = new Rows(workbook.date1904(), guarded, at);
                        new XSSFBSheetHandler(sheet, styles, null, strings, rows, false).parse();
                        guarded.end();
                        return name;
                    }
                }
            }
            throw SheetReadException.unreadable("The workbook lists a sheet '" + chosen
                    + "' but holds no worksheet part for it");
        } catch (HandlerFailure e) {
            throw e.original;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw damaged(at, e);
        }
    }

    /**
     * A failure of POI's while reading {@code at}, in the service's words: a zip bomb as {@link ZipBombs} words it,
     * a damaged part by what is wrong with it rather than by POI's message, which names its internals.
     */
    private static SheetReadException damaged(Place at, Exception e) {
        Optional<SheetReadException> bomb = ZipBombs.refusal(e);
        if (bomb.isPresent()) {
            return bomb.get();
        }
        if (at.part == null) {
            return SheetReadException.unreadable("The xlsb workbook is damaged: " + e.getMessage());
        }
        String where = at.row > 0 ? " near row " + at.row : "";
        return new SheetReadException(ProblemType.UNREADABLE_FILE, "The xlsb workbook is damaged: " + at.part + " "
                + reason(e) + where, at.sheet, at.row > 0 ? at.row : null, null);
    }

    /** What is wrong with an xlsb part that POI failed to read, without POI's wording. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || message.contains("end-of-file") || message.contains("end of file")
                || message.contains("end of stream")) {
            return "is cut short";
        }
        if (e instanceof RecordFormatException) {
            return "has a record longer than any it may hold";
        }
        if (e instanceof IOException) {
            return "cannot be unzipped (" + e.getMessage() + ")";
        }
        return "holds records that make no sense";
    }

    private static InputStream reopen(PackagePart part) {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the reader is, for the message when POI fails there. */
    private static final class Place {
        private String part;
        private String sheet;
        private long row;
    }

    /**
     * An exception the row handler threw, carried past the catch that turns POI's failures into refusals, so that
     * it leaves {@link #read} unchanged: a refusal of the handler's own, a cancelled job, a writer that stopped.
     */
    private static final class HandlerFailure extends RuntimeException {

        private final transient RuntimeException original;

        HandlerFailure(RuntimeException original) {
            super(null, original, false, false);
            this.original = original;
        }
    }

    /** The row handler, its exceptions wrapped in {@link HandlerFailure}. */
    private static final class Guarded implements RowHandler {

        private final RowHandler handler;

        Guarded(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void workbook(List<String> sheets) {
            try {
                handler.workbook(sheets);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void start(String sheet, MergedCells merged) {
            try {
                handler.start(sheet, merged);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void row(long rowNumber, List<Cell> cells) {
            try {
                handler.row(rowNumber, cells);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void errorCell(long rowNumber, int column, String error) {
            try {
                handler.errorCell(rowNumber, column, error);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void end() {
            try {
                handler.end();
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }
    }

    /** Turns the binary sheet's typed cell callbacks into rows of canonical cells. */
    private static final class Rows implements XSSFBSheetHandler.XSSFBSheetContentsHandler {

        private final boolean date1904;
        private final RowHandler handler;
        private final Place at;
        private final Map<Integer, DateFormats.Shows> formatByIndex = new HashMap<>();
        private List<Cell> cells = new ArrayList<>();

        Rows(boolean date1904, RowHandler handler, Place at) {
            this.date1904 = date1904;
            this.handler = handler;
            this.at = at;
        }

        @Override
        public void startRow(int rowNum) {
            at.row = rowNum + 1L;
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
