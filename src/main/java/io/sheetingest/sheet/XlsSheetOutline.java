package io.sheetingest.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What a first, value-free pass over one sheet's records learns: its merged regions, which BIFF8 stores after the
 * cells although a header needs them first, and for each row when its last cell has gone by, so that the second
 * pass can hand rows on in order as soon as they are complete. Cells are counted, never kept: the outline costs
 * the merged regions plus one int per possible row (256 KiB).
 *
 * <p>Writers put cells in row order, so a row is normally complete right after its own cells; a row whose cells
 * are spread out waits, with the rows after it, until its last cell.
 */
final class XlsSheetOutline {

    /** BIFF8 row indexes are 16-bit. */
    private static final int ROWS = 1 << 16;

    private final List<CellRange> merged;
    /** For each 0-based row, the ordinal of the last cell record of that row or any row above it; -1 if none. */
    private final int[] completeAfter;

    private XlsSheetOutline(List<CellRange> merged, int[] completeAfter) {
        this.merged = merged;
        this.completeAfter = completeAfter;
    }

    /**
     * Reads the rest of the sheet whose BOF {@code records} has just read. Damage HSSF refused a workbook for, a
     * cell naming a shared string the table lacks or a string formula without its cached text, is found here,
     * before any row is handed on.
     *
     * @throws SheetReadException when the sheet is damaged
     */
    static XlsSheetOutline scan(XlsRecordStream records, XlsGlobals globals) {
        List<CellRange> merged = new ArrayList<>();
        int[] last = new int[ROWS];
        Arrays.fill(last, -1);
        int ordinal = 0;
        boolean textDue = false;
        for (Record record = records.nextInSheet(); record != null; record = records.nextInSheet()) {
            if (textDue && !XlsRows.belongsToFormula(record)) {
                if (!(record instanceof StringRecord)) {
                    throw XlsRecordStream.damaged(XlsRows.NO_CACHED_TEXT);
                }
                textDue = false;
            }
            if (record instanceof LabelSSTRecord label) {
                globals.sharedString(label.getSSTIndex());
            } else if (record instanceof FormulaRecord formula) {
                textDue = formula.hasCachedResultString();
            }
            if (record instanceof MergeCellsRecord merge) {
                for (int i = 0; i < merge.getNumAreas(); i++) {
                    CellRangeAddress area = merge.getAreaAt(i);
                    merged.add(new CellRange(area.getFirstRow() + 1L, area.getLastRow() + 1L, area.getFirstColumn(),
                            area.getLastColumn()));
                }
            } else {
                int row = cellRow(record);
                if (row >= 0) {
                    last[row] = ordinal++;
                }
            }
        }
        if (textDue) {
            throw XlsRecordStream.damaged(XlsRows.NO_CACHED_TEXT);
        }
        int latest = -1;
        for (int row = 0; row < ROWS; row++) {
            latest = Math.max(latest, last[row]);
            last[row] = latest;
        }
        return new XlsSheetOutline(merged, last);
    }

    /**
     * The 0-based row of a cell record (number, string, boolean or error, formula, blank), the records both passes
     * count; -1 for any other record. Blank cells count too: like any later record for the same cell, they replace
     * what came before.
     */
    static int cellRow(Record record) {
        if (record instanceof CellValueRecordInterface cell) {
            return cell.getRow();
        }
        if (record instanceof MulBlankRecord blanks) {
            return blanks.getRow();
        }
        return -1;
    }

    /** The sheet's merged regions, in file order. */
    MergedCells merged() {
        return (firstRow, lastRow) -> merged.stream()
                .filter(r -> r.firstRow() <= lastRow && r.lastRow() >= firstRow)
                .toList();
    }

    /** Whether every cell of row {@code row} (0-based) and of the rows above it is among the first cells read. */
    boolean complete(int row, int cellsRead) {
        return completeAfter[row] < cellsRead;
    }
}
