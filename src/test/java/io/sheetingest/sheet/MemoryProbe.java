package io.sheetingest.sheet;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads an xlsx or xls the way a job does, in whatever heap it is started with, and prints what it read and how
 * much heap it took: the sum of the heap pools' peaks, and the old generation's peak alone, which is what stays
 * live (the young generation grows toward {@code -Xmx} whatever the reader keeps). {@link LargeWorkbookMemoryTest}
 * and {@link LargeXlsMemoryTest} start it in its own JVM with a small {@code -Xmx}. With {@code --user-model} first
 * it only loads an xls into HSSF's user model, the way xls was read before it was streamed, to show what that takes.
 */
public final class MemoryProbe {

    /** The first argument that makes the probe load an xls into HSSF's user model instead of reading it. */
    static final String USER_MODEL = "--user-model";

    private MemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        if (args[0].equals(USER_MODEL)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(new File(args[1]), true);
                    HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
                System.out.println("rows=" + workbook.getSheetAt(0).getLastRowNum());
            }
        } else {
            Counter counter = new Counter();
            Path file = Path.of(args[0]);
            SheetReader format = file.toString().endsWith(".xls") ? new XlsReader(TestLimits.defaults())
                    : new XlsxReader(TestLimits.defaults());
            new TableReader(format, TestLimits.defaults()).read(file, ReadOptions.defaults(), counter);
            System.out.println("header=" + counter.header);
            System.out.println("rows=" + counter.rows);
            System.out.println("last=" + counter.last);
        }
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
