package io.sheetingest.sheet;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long {@link XlsxReader} takes to stream a workbook into a handler that only counts rows and cells: the parse
 * cost of the xlsx path without header finding, typing for COPY or the database. Run it with the test class path,
 * {@code XlsxReadSpeed <xlsx> [rounds]}; each round is printed and the best one last (docs/benchmarks.md).
 */
public final class XlsxReadSpeed {

    private XlsxReadSpeed() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double best = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            Counter counter = new Counter();
            long started = System.nanoTime();
            new XlsxReader(TestLimits.defaults()).read(file, ReadOptions.defaults(), counter);
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf(Locale.ROOT, "round=%d seconds=%.2f rows=%d cells=%d chars=%d checksum=%016x%n", round,
                    seconds, counter.rows, counter.cells, counter.chars, counter.checksum);
        }
        System.out.printf(Locale.ROOT, "best=%.2f%n", best);
    }

    /**
     * Counts rows, cells and characters, and sums every cell's row, column, kind and text into a checksum, so that
     * nothing the reader makes goes unused and two readers can be shown to read the same cells.
     */
    private static final class Counter implements RowHandler {

        long rows;
        long cells;
        long chars;
        long checksum;

        @Override
        public void row(long rowNumber, List<Cell> row) {
            rows++;
            cells += row.size();
            for (Cell cell : row) {
                chars += cell.text().length();
                checksum = checksum * 31 + rowNumber * 16_411 + cell.column() * 131 + cell.kind().ordinal()
                        + cell.text().hashCode();
            }
        }
    }
}
