package io.sheetingest.sheet;

import java.util.List;
import java.util.Set;

import io.sheetingest.problem.ProblemType;

/**
 * Which sheet of a workbook to read: the one named, else (for a whole number N that names no sheet) the N-th sheet
 * counting from 1 as Excel's tabs show them, else the first visible sheet when nothing was asked for. A request
 * that matches nothing is refused with the workbook's sheet names, so the uploader can pick one.
 */
final class SheetChoice {

    private SheetChoice() {
    }

    /**
     * @param requested the uploader's {@code sheet}: a name, a 1-based position, or null
     * @param sheets    every sheet's name in workbook order
     * @param hidden    names of hidden sheets, skipped only when nothing was asked for
     * @throws SheetReadException 422 naming the workbook's sheets when the request matches none, or when no sheet
     *                            is visible
     */
    static String choose(String requested, List<String> sheets, Set<String> hidden) {
        if (requested == null) {
            return sheets.stream()
                    .filter(name -> !hidden.contains(name))
                    .findFirst()
                    .orElseThrow(() -> SheetReadException.unreadable("The workbook has no visible worksheets"));
        }
        if (sheets.contains(requested)) {
            return requested;
        }
        if (requested.matches("\\d{1,6}")) {
            int position = Integer.parseInt(requested);
            if (position >= 1 && position <= sheets.size()) {
                return sheets.get(position - 1);
            }
        }
        throw new SheetReadException(ProblemType.UNREADABLE_FILE, "The workbook has no sheet named '" + requested
                + "'" + (requested.matches("\\d+") ? " nor a sheet number " + requested : "") + "; its sheets are "
                + String.join(", ", sheets.stream().map(name -> "'" + name + "'").toList()), requested, null, null);
    }
}
