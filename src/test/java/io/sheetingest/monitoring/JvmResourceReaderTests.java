package io.sheetingest.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The figures the service falls back to where OSHI cannot run. */
class JvmResourceReaderTests {

    private final JvmResourceReader reader = new JvmResourceReader();

    @Test
    void readsThisProcessFromTheJvmAndProc() {
        ResourceUsage.Process process = reader.process();

        assertEquals(ProcessHandle.current().pid(), process.pid());
        assertTrue(process.residentBytes() > 10L << 20, "a JVM's RSS is well above 10 MiB: " + process.residentBytes());
        assertTrue(process.threadsLive() > 0);
        assertTrue(process.openFileDescriptors() > 0 && process.openFileDescriptors() < process.maxFileDescriptors());
    }

    @Test
    void readsHostMemoryWithAvailableBelowTotal() {
        ResourceUsage.Memory memory = reader.memory();

        assertTrue(memory.totalBytes() > 0);
        assertTrue(memory.availableBytes() > 0 && memory.availableBytes() <= memory.totalBytes());
        assertEquals(memory.totalBytes(), memory.usedBytes() + memory.availableBytes());
    }

    @Test
    void readsCoresAndHostUptime() {
        ResourceUsage.Cpu cpu = reader.cpu();
        ResourceUsage.Host host = reader.host();

        assertEquals(Runtime.getRuntime().availableProcessors(), cpu.availableCores());
        assertTrue(cpu.logicalCores() >= 1);
        assertTrue(host.processCount() >= 1, "at least this JVM runs");
        assertTrue(host.uptimeSeconds() > 0);
    }
}
