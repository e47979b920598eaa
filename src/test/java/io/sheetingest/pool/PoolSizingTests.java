package io.sheetingest.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class PoolSizingTests {

    @Test
    void devAndTestGetTenPlusTenWhateverTheCores() {
        assertEquals(new PoolSizing(10, 10, "default"), PoolSizing.resolve(List.of("dev"), 16, null, null));
        assertEquals(new PoolSizing(10, 10, "default"), PoolSizing.resolve(List.of("test"), 2, "", "0"));
    }

    @Test
    void prodScalesWithCoresUpToThirtyPlusTwenty() {
        assertEquals(new PoolSizing(10, 5, "default"), PoolSizing.resolve(List.of("prod"), 1, null, null));
        assertEquals(new PoolSizing(20, 10, "default"), PoolSizing.resolve(List.of("prod"), 2, null, null));
        assertEquals(new PoolSizing(30, 20, "default"), PoolSizing.resolve(List.of("prod"), 4, null, null));
        assertEquals(new PoolSizing(30, 20, "default"), PoolSizing.resolve(List.of("prod"), 16, null, null));
        assertEquals(50, PoolSizing.resolve(List.of("prod"), 16, null, null).max());
    }

    @Test
    void overridesReplaceEitherPart() {
        assertEquals(new PoolSizing(4, 10, "override"), PoolSizing.resolve(List.of("prod"), 2, "4", null));
        assertEquals(new PoolSizing(20, 3, "override"), PoolSizing.resolve(List.of("prod"), 2, null, "3"));
    }

    @Test
    void rejectsBadPoolSizeNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolSizing.resolve(List.of("prod"), 2, "ten", null));
        assertEquals("DB_POOL_SIZE='ten' is not a whole number: set a connection count, or 0 for the profile default",
                e.getMessage());
    }

    @Test
    void rejectsNegativeOverflowNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolSizing.resolve(List.of("dev"), 2, null, "-1"));
        assertEquals("DB_MAX_OVERFLOW='-1' is negative: set a connection count, or 0 for the profile default",
                e.getMessage());
    }
}
