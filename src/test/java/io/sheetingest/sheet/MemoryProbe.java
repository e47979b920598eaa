package io.sheetingest.sheet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an xlsx the way a job does, in whatever heap it is started with, and prints what it read and how much heap
 * it took: the sum of the heap pools' peaks, and the old generation's peak alone, which is what stays live (the
 * young generation grows toward {@code -Xmx} whatever the reader keeps). {@link LargeWorkbookMemoryTest} starts it
 * in its own JVM with a small {@code -Xmx}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Counter counter = new Counter();
        TableReader reader = new TableReader(new XlsxReader(TestLimits.defaults()), TestLimits.defaults());
        reader.read(Path.of(args[0]), ReadOptions.defaults(), counter);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long peak = 0;
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                    oldPeak += pool.getPeakUsage().getUsed();
                }
            }
        }
        System.out.println("header=" + counter.header);
        System.out.println("rows=" + counter.rows);
        System.out.println("last=" + counter.last);
        System.out.println("seconds=" + seconds);
        System.out.println("peakHeapMiB=" + (peak >> 20) + " oldGenPeakMiB=" + (oldPeak >> 20)
                + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
    }

    /** Counts rows and keeps only the last one. */
    private static final class Counter implements TableHandler {

        List<String> header;
        long rows;
        String last;

        @Override
        public void header(long rowNumber, List<String> texts) {
            header = texts;
        }

        @Override
        public void row(long rowNumber, List<Cell> cells) {
            rows++;
            last = cells.stream().map(Cell::text).collect(Collectors.joining("|"));
        }

        @Override
        public void errorCell(long rowNumber, int column, String error) {
            throw new IllegalStateException("unexpected error cell at row " + rowNumber);
        }
    }
}
