package io.sheetingest.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * What the globals at the start of a BIFF8 workbook stream say: the sheets and which are hidden, the shared strings
 * table, each cell format's number format, and the date system. The shared strings are the one part that grows with
 * the data; fonts, names and the rest are read past.
 *
 * <p>BIFF8 strings are either Latin-1 or UTF-16, so the CODEPAGE record, which only older formats need, is not
 * consulted: a workbook saved with code page 936 keeps its Chinese, as it does in HSSF.
 */
final class XlsGlobals {

    /** BOF version of BIFF8; Excel 95 and older write less. */
    private static final int BIFF8 = 0x0600;

    private final List<String> sheets = new ArrayList<>();
    private final Set<String> hidden = new HashSet<>();
    /** Number format index of each cell format (XF), in XF order. */
    private final List<Short> formatOfXf = new ArrayList<>();
    /** Number formats the workbook defines or redefines, by index. */
    private final Map<Integer, String> formats = new HashMap<>();
    private final Map<Integer, DateFormats.Shows> showsByXf = new HashMap<>();
    private SSTRecord strings;
    private boolean date1904;

    private XlsGlobals() {
    }

    /**
     * Reads the globals from the start of the stream through their EOF.
     *
     * @throws SheetReadException when the stream is an Excel 95 one or damaged
     */
    static XlsGlobals read(XlsRecordStream records) {
        XlsGlobals globals = new XlsGlobals();
        Record record = records.next();
        if (record instanceof BOFRecord bof && bof.getVersion() < BIFF8) {
            throw XlsRecordStream.excel95();
        }
        for (; record != null && !(record instanceof EOFRecord); record = records.next()) {
            globals.add(record);
        }
        return globals;
    }

    private void add(Record record) {
        if (record instanceof BoundSheetRecord sheet) {
            sheets.add(sheet.getSheetname());
            if (sheet.isHidden() || sheet.isVeryHidden()) {
                hidden.add(sheet.getSheetname());
            }
        } else if (record instanceof SSTRecord sst) {
            strings = sst;
        } else if (record instanceof ExtendedFormatRecord xf) {
            formatOfXf.add(xf.getFormatIndex());
        } else if (record instanceof FormatRecord format) {
            formats.put(format.getIndexCode(), format.getFormatString());
        } else if (record instanceof DateWindow1904Record window) {
            date1904 = window.getWindowing() == 1;
        }
    }

    /** Every sheet's name in workbook order. */
    List<String> sheets() {
        return sheets;
    }

    /** Names of hidden and very hidden sheets. */
    Set<String> hidden() {
        return hidden;
    }

    /** The position of the sheet HSSF finds by this name: the first whose name matches, ignoring case. */
    int position(String name) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no sheet " + name);
    }

    /** Whether serials count from 1904-01-01 (Mac Excel) rather than 1900-01-00. */
    boolean date1904() {
        return date1904;
    }

    /**
     * The text of entry {@code index} of the shared strings table.
     *
     * @throws SheetReadException when the table has no such entry
     */
    String sharedString(int index) {
        if (strings == null) {
            throw XlsRecordStream.damaged("a cell refers to shared string " + index
                    + " but there is no shared strings table");
        }
        try {
            return strings.getString(index).getString();
        } catch (IndexOutOfBoundsException e) {
            throw XlsRecordStream.damaged("a cell refers to shared string " + index
                    + ", which the shared strings table does not hold");
        }
    }

    /**
     * What a number in cell format {@code xfIndex} shows, classified once per format; a format the workbook does
     * not define shows a plain number.
     */
    DateFormats.Shows shows(short xfIndex) {
        return showsByXf.computeIfAbsent(xfIndex & 0xFFFF, this::classify);
    }

    /** The number format code of cell format {@code xfIndex}, {@code null} when the workbook does not define it. */
    String code(short xfIndex) {
        int xf = xfIndex & 0xFFFF;
        return xf >= formatOfXf.size() ? null : formatString(formatOfXf.get(xf));
    }

    private DateFormats.Shows classify(int xf) {
        if (xf >= formatOfXf.size()) {
            return DateFormats.Shows.NUMBER;
        }
        short formatIndex = formatOfXf.get(xf);
        return DateFormats.classify(formatIndex, formatString(formatIndex));
    }

    /** The pattern HSSF gives a number format: the workbook's own, else the built-in one; none for index -1. */
    private String formatString(short index) {
        if (index < 0) {
            return null;
        }
        String own = formats.get((int) index);
        return own != null ? own : BuiltinFormats.getBuiltinFormat(index);
    }
}
