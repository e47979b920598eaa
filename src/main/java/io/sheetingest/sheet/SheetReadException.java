package io.sheetingest.sheet;

import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/** A file that cannot be read as a spreadsheet, with where in it the reader gave up. */
public class SheetReadException extends ProblemException {

    public SheetReadException(ProblemType type, String detail) {
        super(Problem.of(type, detail));
    }

    public SheetReadException(ProblemType type, String detail, String sheet, Long row, String column) {
        super(Problem.of(type, detail).at(sheet, row, column));
    }

    public static SheetReadException unreadable(String detail) {
        return new SheetReadException(ProblemType.UNREADABLE_FILE, detail);
    }
}
