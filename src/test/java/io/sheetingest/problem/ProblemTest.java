package io.sheetingest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void leavesOutARowBelowOne() {
        Problem problem = Problem.of(ProblemType.UNREADABLE_FILE, "damaged");

        assertNull(problem.at("Sheet1", 0L, null).row(), "no row 0 in a spreadsheet");
        assertNull(problem.at("Sheet1", -5L, null).row());
        assertEquals(7L, problem.at("Sheet1", 7L, "B").row());
        assertEquals("Sheet1", problem.at("Sheet1", 0L, null).sheet());
    }
}
