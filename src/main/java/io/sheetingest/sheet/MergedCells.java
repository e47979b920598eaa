package io.sheetingest.sheet;

import java.util.List;

/** The merged regions of the sheet being read, looked up only when a header row needs them. */
@FunctionalInterface
public interface MergedCells {

    /** No merged regions at all, as in CSV. */
    MergedCells NONE = (firstRow, lastRow) -> List.of();

    /** The merged regions that overlap rows {@code firstRow..lastRow} (1-based, inclusive). */
    List<CellRange> overlapping(long firstRow, long lastRow);
}
