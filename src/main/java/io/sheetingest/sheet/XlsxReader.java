package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

import io.sheetingest.problem.ProblemType;

/**
 * Streams one worksheet of an xlsx/xlsm workbook ({@link SheetXml}), in constant memory apart from the shared
 * strings, which take at most {@link SheetLimits#sharedStringsMemoryBytes()} of heap ({@link SharedStrings}).
 *
 * <p>Cells are read straight into canonical values: numbers exact, date-formatted numbers as dates, shared and
 * inline strings as text, error cells reported and read as blank. Without a sheet name the first sheet that is not
 * hidden is read.
 */
public final class XlsxReader implements SheetReader {

    /** XFD, the last column a worksheet can have. */
    private static final int LAST_COLUMN = 16383;
    private static final String STYLES_CONTENT_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

    private final SheetLimits limits;
    private final Path spillDir;

    /** Shared strings beyond {@link SheetLimits#sharedStringsMemoryBytes()} spill to the JVM's temp directory. */
    public XlsxReader(SheetLimits limits) {
        this(limits, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Spilling shared strings to {@code spillDir} instead, where a test can watch the files come and go. */
    XlsxReader(SheetLimits limits, Path spillDir) {
        this.limits = limits;
        this.spillDir = spillDir;
    }

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        String sheetName = options.sheet();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg, true);
            WorkbookProperties workbook = WorkbookProperties.read(reader);
            String chosen = workbook.choose(sheetName);
            try (SharedStrings strings = SharedStrings.read(pkg, limits.sharedStringsMemoryBytes(), spillDir)) {
                CellFormats styles = cellFormats(pkg);

                PackagePart part = sheetPart(pkg, workbook.relationIds().get(chosen), chosen);
                handler.workbook(workbook.sheets());
                try (InputStream sheet = part.getInputStream()) {
                    handler.start(chosen, new MergeScanner(() -> partStream(part)));
                    parse(sheet, new SheetHandler(chosen, strings, styles, workbook.date1904(), handler));
                    handler.end();
                    return chosen;
                }
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw refused("Not a readable xlsx workbook: ", e);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | XMLStreamException e) {
            throw refused("The workbook is damaged: ", e);
        } catch (POIXMLException | InvalidOperationException | UncheckedIOException e) {
            throw refused("The workbook is damaged: ", e);
        }
    }

    /** A zip bomb in the service's words ({@link ZipBombs}), any other failure as {@code prefix} and its message. */
    private static SheetReadException refused(String prefix, Exception e) {
        return ZipBombs.refusal(e).orElseGet(() -> SheetReadException.unreadable(prefix + e.getMessage()));
    }

    /**
     * The styles part, found by content type, which transitional and Strict OOXML share (their relationship types
     * differ); a workbook without one shows every number as a number.
     */
    private static CellFormats cellFormats(OPCPackage pkg)
            throws IOException, SAXException, ParserConfigurationException, InvalidFormatException {
        List<PackagePart> parts = pkg.getPartsByContentType(STYLES_CONTENT_TYPE);
        if (parts.isEmpty()) {
            return CellFormats.none();
        }
        try (InputStream styles = parts.get(0).getInputStream()) {
            return CellFormats.read(styles);
        }
    }

    /**
     * The worksheet part a sheet's {@code r:id} points at from the workbook part, found through the package's
     * office-document relationship of either the transitional or the Strict kind (POI's sheet iterator knows only
     * the transitional relationship types).
     */
    private static PackagePart sheetPart(OPCPackage pkg, String relationId, String sheet)
            throws InvalidFormatException {
        PackageRelationshipCollection office = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (office.isEmpty()) {
            office = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        PackagePart workbookPart = office.isEmpty() ? null : pkg.getPart(office.getRelationship(0));
        PackageRelationship relation = workbookPart == null || relationId == null
                ? null : workbookPart.getRelationship(relationId);
        if (relation == null) {
            throw SheetReadException.unreadable("The workbook lists a sheet '" + sheet
                    + "' but holds no worksheet part for it");
        }
        PackagePart part;
        try {
            part = workbookPart.getRelatedPart(relation);
        } catch (IllegalArgumentException e) {
            // POI's message for a relationship whose target is absent dumps the whole package.
            part = null;
        }
        if (part == null) {
            throw SheetReadException.unreadable("The workbook lists sheet '" + sheet + "' but its part "
                    + PackagingURIHelper.resolvePartUri(workbookPart.getPartName().getURI(), relation.getTargetURI())
                    + " is missing");
        }
        return part;
    }

    private static InputStream partStream(PackagePart part) {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(InputStream sheet, SheetHandler handler) throws IOException {
        try {
            SheetXml.parse(sheet, handler);
        } catch (XMLStreamException e) {
            String where = handler.rowNumber < 1 ? "before its first row" : "near row " + handler.rowNumber;
            throw new SheetReadException(ProblemType.UNREADABLE_FILE, "The sheet's XML is damaged " + where + ": "
                    + parserReason(e), handler.sheet, handler.rowNumber, null);
        }
    }

    /** The parser's reason without its location lines ("at [row,col ...]"), which name no row of the sheet. */
    private static String parserReason(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int marker = message.indexOf("Message: ");
        if (marker >= 0) {
            message = message.substring(marker + "Message: ".length());
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** Turns the sheet's XML events into rows of cells. */
    private static final class SheetHandler implements SheetXml.Handler {

        private final String sheet;
        private final SharedStrings strings;
        private final CellFormats styles;
        private final boolean date1904;
        private final RowHandler handler;
        private final Map<Integer, DateFormats.Shows> formatByStyle = new HashMap<>();

        private final StringBuilder text = new StringBuilder();
        private List<Cell> cells = new ArrayList<>();
        private long rowNumber;
        private int column = -1;
        private String cellType;
        private int cellStyle;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private boolean hasValue;

        SheetHandler(String sheet, SharedStrings strings, CellFormats styles, boolean date1904,
                RowHandler handler) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.handler = handler;
        }

        @Override
        public void start(XMLStreamReader element) {
            switch (element.getLocalName()) {
                case "row" -> {
                    String r = element.getAttributeValue(null, "r");
                    rowNumber = r == null ? rowNumber + 1 : rowNumber(r);
                    column = -1;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String r = element.getAttributeValue(null, "r");
                    column = r == null ? column + 1 : columnOf(r);
                    cellType = element.getAttributeValue(null, "t");
                    String s = element.getAttributeValue(null, "s");
                    cellStyle = s == null ? 0 : styleIndex(s);
                    text.setLength(0);
                    hasValue = false;
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    hasValue = true;
                    text.setLength(0);
                }
                case "t" -> inInlineText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void end(XMLStreamReader element) {
            switch (element.getLocalName()) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (hasValue) {
                        Cell cell = toCell(text.toString());
                        if (cell != null) {
                            cells.add(cell);
                        }
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty()) {
                        handler.row(rowNumber, cells);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public boolean wantsText() {
            return inValue || inInlineText;
        }

        @Override
        public void text(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }

        private long rowNumber(String r) {
            try {
                return Long.parseLong(r.trim());
            } catch (NumberFormatException e) {
                throw new SheetReadException(ProblemType.UNREADABLE_FILE, "A row after row " + rowNumber
                        + " has the damaged row number '" + r + "'", sheet, rowNumber, null);
            }
        }

        /** The column of a cell's {@code r}; one beyond XFD or without its column letters is damaged. */
        private int columnOf(String r) {
            int at = CellReference.columnIndex(r);
            if (at < 0 || at > LAST_COLUMN) {
                throw new SheetReadException(ProblemType.UNREADABLE_FILE, "Row " + rowNumber
                        + " has a cell with the damaged reference '" + r + "', which names no column from A to "
                        + CellReference.letters(LAST_COLUMN), sheet, rowNumber, null);
            }
            return at;
        }

        private int styleIndex(String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw damagedCell("has the damaged style number '" + s + "'");
            }
        }

        /** A refusal naming the current cell, such as {@code Cell B3 <what>}. */
        private SheetReadException damagedCell(String what) {
            String letters = CellReference.letters(column);
            return new SheetReadException(ProblemType.UNREADABLE_FILE, "Cell " + letters + rowNumber + " " + what,
                    sheet, rowNumber, letters);
        }

        private Cell toCell(String raw) {
            String type = cellType == null ? "n" : cellType;
            switch (type) {
                case "s" -> {
                    if (raw.isBlank()) {
                        return null;
                    }
                    return textCell(sharedString(raw.trim()));
                }
                case "inlineStr", "str" -> {
                    return textCell(raw);
                }
                case "b" -> {
                    return new Cell(column, CellKind.BOOLEAN, bool(raw.trim()));
                }
                case "e" -> {
                    handler.errorCell(rowNumber, column, raw.trim());
                    return null;
                }
                case "d" -> {
                    return IsoDates.cell(column, raw.trim());
                }
                default -> {
                    return number(raw.trim());
                }
            }
        }

        private String sharedString(String raw) {
            int index;
            try {
                index = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw damagedCell("refers to shared string '" + raw + "', which is not a number");
            }
            if (index < 0) {
                throw damagedCell("refers to shared string " + index + ", but shared strings count from 0");
            }
            if (index >= strings.size()) {
                throw damagedCell("refers to shared string " + index + ", but the workbook has only "
                        + strings.size());
            }
            return strings.get(index);
        }

        /** Excel writes {@code 1} and {@code 0}; other writers {@code true} and {@code false}. */
        private String bool(String raw) {
            if (raw.equals("1") || raw.equalsIgnoreCase("true")) {
                return "true";
            }
            if (raw.equals("0") || raw.equalsIgnoreCase("false")) {
                return "false";
            }
            throw damagedCell("is a boolean cell holding '" + raw + "', which is neither 1/0 nor true/false");
        }

        private Cell textCell(String value) {
            return value == null || value.isEmpty() ? null : new Cell(column, CellKind.TEXT, value);
        }

        private Cell number(String raw) {
            if (raw.isEmpty()) {
                return null;
            }
            try {
                DateFormats.Shows shows = formatByStyle.computeIfAbsent(cellStyle, this::shows);
                if (shows != DateFormats.Shows.NUMBER) {
                    return DateFormats.cell(column, Double.parseDouble(raw), date1904, shows, styles.code(cellStyle));
                }
                return Numbers.cell(column, Numbers.shortest(raw));
            } catch (NumberFormatException e) {
                throw new SheetReadException(ProblemType.UNREADABLE_FILE, "A numeric cell holds '" + raw
                        + "', which is not a number", sheet, rowNumber, CellReference.letters(column));
            }
        }

        private DateFormats.Shows shows(int styleIndex) {
            return styles.shows(styleIndex);
        }
    }
}
