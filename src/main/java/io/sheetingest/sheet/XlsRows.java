package io.sheetingest.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.hssf.record.ArrayRecord;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SharedFormulaRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.TableRecord;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns the cell records of the sheet being read into rows of canonical cells, handed on in row order with their
 * cells in column order, as HSSF's rows and cells iterate. Only rows whose cells have not all gone by are held (see
 * {@link XlsSheetOutline}): normally just the current one. A later record for a cell replaces an earlier one.
 *
 * <p>Numbers (RK and MULRK included) follow their cell format: dates in either date system, else the shortest exact
 * decimal. Formulas give their cached value, a string one from the STRING record after them. Empty text and blank
 * cells are no cell; error values are reported and read as blank.
 */
final class XlsRows {

    /** HSSF's words for a formula whose cached result is text but no STRING record follows it. */
    static final String NO_CACHED_TEXT = "Formula record flag is set but String record was not found";

    private final XlsGlobals globals;
    private final XlsSheetOutline outline;
    private final RowHandler handler;
    /** Rows not yet handed on, by 0-based row; each maps a column to a {@link Cell} or an {@link ErrorValue}. */
    private final TreeMap<Integer, TreeMap<Integer, Object>> pending = new TreeMap<>();
    private int cellsRead;

    XlsRows(XlsGlobals globals, XlsSheetOutline outline, RowHandler handler) {
        this.globals = globals;
        this.outline = outline;
        this.handler = handler;
    }

    /** Reads the rest of the sheet whose BOF {@code records} has just read. */
    void read(XlsRecordStream records) {
        FormulaRecord formula = null;
        for (Record record = records.nextInSheet(); record != null; record = records.nextInSheet()) {
            if (formula != null) {
                if (belongsToFormula(record)) {
                    continue;
                }
                formula(formula, record instanceof StringRecord text ? text : null);
                formula = null;
                if (record instanceof StringRecord) {
                    continue;
                }
            }
            if (record instanceof FormulaRecord next) {
                formula = next;
            } else if (XlsSheetOutline.cellRow(record) >= 0) {
                cell(record);
            }
        }
        if (formula != null) {
            formula(formula, null);
        }
        while (!pending.isEmpty()) {
            handOn(pending.firstKey());
        }
    }

    /**
     * Records that sit between a formula and the STRING record holding its cached text, which HSSF sets aside
     * before it pairs the two.
     */
    static boolean belongsToFormula(Record record) {
        return record instanceof SharedFormulaRecord || record instanceof ArrayRecord || record instanceof TableRecord
                || record instanceof MergeCellsRecord;
    }

    private void cell(Record record) {
        if (record instanceof NumberRecord number) {
            put(number.getRow(), number.getColumn(), number(number.getColumn(), number.getValue(),
                    number.getXFIndex()));
        } else if (record instanceof LabelSSTRecord label) {
            put(label.getRow(), label.getColumn(), text(label.getColumn(), globals.sharedString(label.getSSTIndex())));
        } else if (record instanceof LabelRecord label) {
            put(label.getRow(), label.getColumn(), text(label.getColumn(), label.getValue()));
        } else if (record instanceof BoolErrRecord boolErr) {
            put(boolErr.getRow(), boolErr.getColumn(), boolErr.isBoolean()
                    ? bool(boolErr.getColumn(), boolErr.getBooleanValue())
                    : new ErrorValue(errorText(boolErr.getErrorValue())));
        } else if (record instanceof BlankRecord blank) {
            put(blank.getRow(), blank.getColumn(), null);
        } else if (record instanceof MulBlankRecord blanks) {
            for (int i = 0; i < blanks.getNumColumns(); i++) {
                put(blanks.getRow(), blanks.getFirstColumn() + i, null);
            }
        }
        cellRead();
    }

    /** A formula's cached result; {@code text} is the STRING record that followed it, if any. */
    private void formula(FormulaRecord formula, StringRecord text) {
        int row = formula.getRow();
        short column = formula.getColumn();
        Object value = switch (formula.getCachedResultTypeEnum()) {
            case NUMERIC -> number(column, formula.getValue(), formula.getXFIndex());
            case STRING -> text(column, cachedText(formula, text));
            case BOOLEAN -> bool(column, formula.getCachedBooleanValue());
            case ERROR -> new ErrorValue(errorText((byte) formula.getCachedErrorValue()));
            default -> null;
        };
        put(row, column, value);
        cellRead();
    }

    /** The text of a string result; an empty-string result has no STRING record, and a stray one is ignored. */
    private static String cachedText(FormulaRecord formula, StringRecord text) {
        if (!formula.hasCachedResultString()) {
            return null;
        }
        if (text == null) {
            throw XlsRecordStream.damaged(NO_CACHED_TEXT);
        }
        return text.getString();
    }

    private Cell number(short column, double value, short xfIndex) {
        DateFormats.Shows shows = globals.shows(xfIndex);
        int index = column & 0xFFFF;
        if (shows != DateFormats.Shows.NUMBER) {
            return DateFormats.cell(index, value, globals.date1904(), shows, globals.code(xfIndex));
        }
        return Numbers.cell(index, Numbers.shortest(value));
    }

    private static Cell text(short column, String value) {
        return value == null || value.isEmpty() ? null : new Cell(column & 0xFFFF, CellKind.TEXT, value);
    }

    private static Cell bool(short column, boolean value) {
        return new Cell(column & 0xFFFF, CellKind.BOOLEAN, Boolean.toString(value));
    }

    private static String errorText(byte code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#ERROR(" + code + ")";
    }

    /** Sets a cell of a pending row; {@code null} (a blank or empty cell) clears what an earlier record put there. */
    private void put(int row, int column, Object value) {
        int index = column & 0xFFFF;
        if (value == null) {
            Map<Integer, Object> cells = pending.get(row);
            if (cells != null) {
                cells.remove(index);
            }
        } else {
            pending.computeIfAbsent(row, r -> new TreeMap<>()).put(index, value);
        }
    }

    /** Counts a cell record and hands on the rows it completes. */
    private void cellRead() {
        cellsRead++;
        while (!pending.isEmpty() && outline.complete(pending.firstKey(), cellsRead)) {
            handOn(pending.firstKey());
        }
    }

    private void handOn(int row) {
        long rowNumber = row + 1L;
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<Integer, Object> entry : pending.remove(row).entrySet()) {
            if (entry.getValue() instanceof ErrorValue error) {
                handler.errorCell(rowNumber, entry.getKey(), error.text());
            } else {
                cells.add((Cell) entry.getValue());
            }
        }
        if (!cells.isEmpty()) {
            handler.row(rowNumber, cells);
        }
    }

    /** An error value such as {@code #DIV/0!}, reported when its row is handed on. */
    private record ErrorValue(String text) {
    }
}
