package io.sheetingest.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WorkerSizingTests {

    @Test
    void cpuDefaultLeavesOneCoreButNeverDropsBelowOne() {
        assertEquals(1, WorkerSizing.cpuDefault(1));
        assertEquals(1, WorkerSizing.cpuDefault(2));
        assertEquals(7, WorkerSizing.cpuDefault(8));
    }

    @Test
    void ioDefaultIsFiveThreadsPerCoreCappedAtTwenty() {
        assertEquals(5, WorkerSizing.ioDefault(1));
        assertEquals(10, WorkerSizing.ioDefault(2));
        assertEquals(20, WorkerSizing.ioDefault(4));
        assertEquals(20, WorkerSizing.ioDefault(16));
    }

    @Test
    void zeroOrBlankSelectsTheFormula() {
        assertEquals(new WorkerSizing(3, "default"), WorkerSizing.resolve("CPU_EXECUTOR_WORKERS", "0", 3));
        assertEquals(new WorkerSizing(3, "default"), WorkerSizing.resolve("CPU_EXECUTOR_WORKERS", " ", 3));
    }

    @Test
    void positiveValueOverridesTheFormula() {
        assertEquals(new WorkerSizing(6, "override"), WorkerSizing.resolve("IO_EXECUTOR_WORKERS", " 6 ", 10));
    }

    @Test
    void rejectsTextNamingTheVariableAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerSizing.resolve("CPU_EXECUTOR_WORKERS", "four", 1));
        assertEquals("CPU_EXECUTOR_WORKERS='four' is not a whole number: set a thread count, or 0 for the default",
                e.getMessage());
    }

    @Test
    void rejectsFractions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerSizing.resolve("IO_EXECUTOR_WORKERS", "1.5", 1));
        assertEquals("IO_EXECUTOR_WORKERS='1.5' is not a whole number: set a thread count, or 0 for the default",
                e.getMessage());
    }

    @Test
    void rejectsNegativeWorkerCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerSizing.resolve("CPU_EXECUTOR_WORKERS", "-2", 1));
        assertEquals("CPU_EXECUTOR_WORKERS='-2' is negative: set a thread count, or 0 for the default",
                e.getMessage());
    }
}
