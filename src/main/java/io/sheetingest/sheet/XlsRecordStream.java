package io.sheetingest.sheet;

import java.io.InputStream;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;

import io.sheetingest.problem.ProblemType;

/**
 * Pulls the records of a BIFF8 workbook stream one at a time with POI's {@link RecordFactoryInputStream}, the same
 * record source HSSF loads a workbook from: CONTINUE records are joined to the record they continue (the shared
 * strings table among them), RK and MULRK cells arrive as plain numbers, DBCELL records are dropped, and a file
 * protected only by Excel's default password is decrypted. Apart from the drawing group (embedded pictures), which
 * it joins into one record while reading past it, it holds nothing but the record being read.
 *
 * <p>The stream holds the workbook globals up to their EOF, then one BOF..EOF substream per sheet, which may nest
 * BOF..EOF substreams of embedded charts. POI's failures become {@link SheetReadException}s with the messages the
 * reader has always given.
 */
final class XlsRecordStream {

    private final RecordFactoryInputStream records;

    /**
     * @param in the workbook stream
     * @throws SheetReadException when it is encrypted or its first records are damaged
     */
    XlsRecordStream(InputStream in) {
        try {
            records = new RecordFactoryInputStream(in, true);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** The next record, or {@code null} at the end of the workbook stream. */
    Record next() {
        try {
            return records.nextRecord();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * Reads past the globals' end, or the end of the previous sheet, to the BOF of the sheet at {@code position}.
     * Like HSSF, it counts worksheet, chart and macro sheet substreams and passes over others.
     *
     * @param position 0-based, among the substreams not yet passed
     * @return {@code false} when the stream ends first
     */
    boolean toSheet(int position) {
        int seen = 0;
        for (Record record = next(); record != null; record = next()) {
            if (record instanceof BOFRecord bof) {
                if (isSheet(bof) && seen++ == position) {
                    return true;
                }
                skipSubstream();
            }
        }
        return false;
    }

    /**
     * The next record of the sheet whose BOF was read last, passing over embedded chart substreams.
     *
     * @return the record, or {@code null} once the sheet's EOF (or the end of the stream) is reached
     */
    Record nextInSheet() {
        Record record = next();
        while (record instanceof BOFRecord) {
            skipSubstream();
            record = next();
        }
        return record instanceof EOFRecord ? null : record;
    }

    /** Reads through the EOF that closes the substream whose BOF was just read, nested substreams included. */
    private void skipSubstream() {
        int depth = 1;
        while (depth > 0) {
            Record record = next();
            if (record == null) {
                return;
            }
            if (record instanceof BOFRecord) {
                depth++;
            } else if (record instanceof EOFRecord) {
                depth--;
            }
        }
    }

    private static boolean isSheet(BOFRecord bof) {
        int type = bof.getType();
        return type == BOFRecord.TYPE_WORKSHEET || type == BOFRecord.TYPE_CHART
                || type == BOFRecord.TYPE_EXCEL_4_MACRO;
    }

    /** What a failure of POI's means to the uploader: encrypted, too old, or damaged. */
    static SheetReadException failure(RuntimeException e) {
        if (e instanceof EncryptedDocumentException) {
            return encrypted();
        }
        if (e instanceof OldExcelFormatException) {
            return excel95();
        }
        return damaged(e.getMessage());
    }

    static SheetReadException encrypted() {
        return SheetReadException.unreadable("The workbook is encrypted (password protected): remove the "
                + "password in Excel and upload it again");
    }

    static SheetReadException excel95() {
        return new SheetReadException(ProblemType.UNSUPPORTED_FORMAT,
                "Excel 95 file: re-save it as .xlsx and upload it again");
    }

    static SheetReadException damaged(String detail) {
        return SheetReadException.unreadable("The xls workbook is damaged: " + detail);
    }
}
