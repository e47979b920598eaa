package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Streams one sheet of a legacy Excel 97-2003 (BIFF8) workbook record by record with POI's HSSF record layer, never
 * building HSSF's cell object model. Values follow the same rules as xlsx: numbers exact, date formats as dates in
 * either date system, formulas as their cached value, error cells as blank.
 *
 * <p>The workbook stream is read twice. The first pass reads the globals, picks the sheet, and outlines it: its
 * merged regions, which BIFF8 stores after the cells although a header needs them first, and where each row ends.
 * The second pass reads the globals again, keeping the shared strings table and cell formats, and hands on the
 * sheet's rows as they complete. Memory is therefore about the shared strings table plus one row, not the
 * workbook; {@link SheetLimits#maxXlsBytes()} still bounds the file, whose strings table can be most of it. The
 * format itself stops at 65,536 rows and 256 columns.
 */
public final class XlsReader implements SheetReader {

    private final SheetLimits limits;

    public XlsReader(SheetLimits limits) {
        this.limits = limits;
    }

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        checkSize(file);
        try (POIFSFileSystem fs = open(file)) {
            DirectoryNode root = fs.getRoot();
            String stream = workbookStream(root);
            Plan plan = plan(root, stream, options.sheet());
            String sheet = plan.sheets().get(plan.position());
            handler.workbook(plan.sheets());
            try (InputStream in = root.createDocumentInputStream(stream)) {
                XlsRecordStream records = new XlsRecordStream(in);
                XlsGlobals globals = XlsGlobals.read(records);
                records.toSheet(plan.position());
                handler.start(sheet, plan.outline().merged());
                new XlsRows(globals, plan.outline(), handler).read(records);
                handler.end();
            }
            return sheet;
        } catch (IOException e) {
            throw XlsRecordStream.damaged(e.getMessage());
        }
    }

    /** What the first pass learns: the sheets, which one to read, and its outline. */
    private record Plan(List<String> sheets, int position, XlsSheetOutline outline) {
    }

    /**
     * The first pass. Its shared strings table is left behind with it, so that the second pass's is the only one
     * held while rows are read.
     */
    private static Plan plan(DirectoryNode root, String stream, String requested) throws IOException {
        try (InputStream in = root.createDocumentInputStream(stream)) {
            XlsRecordStream records = new XlsRecordStream(in);
            XlsGlobals globals = XlsGlobals.read(records);
            List<String> sheets = globals.sheets();
            int position = globals.position(SheetChoice.choose(requested, sheets, globals.hidden()));
            if (!records.toSheet(position)) {
                throw XlsRecordStream.damaged("it lists a sheet '" + sheets.get(position)
                        + "' but holds no worksheet for it");
            }
            return new Plan(sheets, position, XlsSheetOutline.scan(records, globals));
        }
    }

    private static POIFSFileSystem open(Path file) throws IOException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (RuntimeException e) {
            throw XlsRecordStream.failure(e);
        }
    }

    /**
     * The workbook stream's name, however it is spelled, as HSSF finds it: an encrypted xlsx or an Excel 95 "Book"
     * stream is refused here.
     */
    private static String workbookStream(DirectoryNode root) {
        try {
            return HSSFWorkbook.getWorkbookDirEntryName(root);
        } catch (RuntimeException e) {
            throw XlsRecordStream.failure(e);
        }
    }

    private void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxXlsBytes()) {
                throw SheetReadException.unreadable("The .xls file is " + size + " bytes, more than the "
                        + limits.maxXlsBytes() + " allowed for the legacy format (sheet-ingest.limits.max-xls-bytes):"
                        + " save it as .xlsx");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored upload " + file, e);
        }
    }
}
