package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;

/**
 * The merged regions of an xlsb worksheet, from its {@code BrtMergeCell} records. Like {@code <mergeCell>} in xlsx
 * they follow the cell data, so the sheet part is read a second time, and only when a header row needs them.
 */
final class XlsbMergedCells implements MergedCells {

    /** BrtMergeCell: an UncheckedRfX, four 32-bit little-endian integers rwFirst, rwLast, colFirst, colLast. */
    private static final int BRT_MERGE_CELL = 176;
    private static final int RFX_BYTES = 16;

    private final Supplier<InputStream> part;
    private List<CellRange> regions;

    XlsbMergedCells(Supplier<InputStream> part) {
        this.part = part;
    }

    @Override
    public List<CellRange> overlapping(long firstRow, long lastRow) {
        if (regions == null) {
            regions = readAll();
        }
        return regions.stream()
                .filter(r -> r.firstRow() <= lastRow && r.lastRow() >= firstRow)
                .toList();
    }

    private List<CellRange> readAll() {
        List<CellRange> found = new ArrayList<>();
        try (InputStream in = part.get()) {
            new XSSFBParser(in) {
                @Override
                public void handleRecord(int type, byte[] data) throws XSSFBParseException {
                    if (type == BRT_MERGE_CELL && data.length >= RFX_BYTES) {
                        long rowFirst = LittleEndian.getUInt(data, 0);
                        long rowLast = LittleEndian.getUInt(data, 4);
                        int columnFirst = LittleEndian.getInt(data, 8);
                        int columnLast = LittleEndian.getInt(data, 12);
                        if (rowFirst <= rowLast && columnFirst >= 0 && columnFirst <= columnLast) {
                            found.add(new CellRange(rowFirst + 1, rowLast + 1, columnFirst, columnLast));
                        }
                    }
                }
            }.parse();
        } catch (UncheckedIOException e) {
            throw damaged(e.getCause());
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
        return List.copyOf(found);
    }

    /** POI failing on the second reading of the sheet part, in the words {@link XlsbReader} uses for the first. */
    private static SheetReadException damaged(Exception e) {
        return ZipBombs.refusal(e).orElseGet(() -> SheetReadException.unreadable(
                "The xlsb workbook is damaged: the sheet's merged cells " + XlsbReader.reason(e)));
    }
}
