package io.sheetingest.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLimitsTests {

    @TempDir
    Path root;

    @Test
    void readsCpuQuotaAndMemoryLimitFromCgroupV2() throws IOException {
        write("cgroup.controllers", "cpu memory");
        write("cpu.max", "150000 100000");
        write("memory.max", "536870912");

        assertEquals(new CgroupLimits("v2", 1.5, 536870912L), CgroupLimits.read(root));
    }

    @Test
    void reportsNoLimitWhereCgroupV2SaysMax() throws IOException {
        write("cgroup.controllers", "cpu memory");
        write("cpu.max", "max 100000");
        write("memory.max", "max");

        assertEquals(new CgroupLimits("v2", null, null), CgroupLimits.read(root));
    }

    @Test
    void readsCgroupV1AndTreatsItsHugeMemoryValueAsUnlimited() throws IOException {
        write("cpu/cpu.cfs_quota_us", "200000");
        write("cpu/cpu.cfs_period_us", "100000");
        write("memory/memory.limit_in_bytes", "9223372036854771712");

        CgroupLimits limits = CgroupLimits.read(root);

        assertEquals("v1", limits.cgroup());
        assertEquals(2.0, limits.cpuQuotaCores());
        assertNull(limits.memoryLimitBytes(), "cgroup v1 writes no limit as a page-aligned Long.MAX_VALUE");
    }

    @Test
    void reportsNoneOutsideACgroup() {
        assertEquals(new CgroupLimits("none", null, null), CgroupLimits.read(root));
    }

    private void write(String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content + "\n");
    }
}
