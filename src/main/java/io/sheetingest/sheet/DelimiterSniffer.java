package io.sheetingest.sheet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks a CSV file's delimiter from a sample of its text: the candidate that splits the most records into the
 * same number of fields, counting only outside quotes; on a tie the one giving more fields wins, so that
 * {@code 3000,00;Ford} is semicolon-separated. A file with no candidate at all is one column, comma-separated.
 */
final class DelimiterSniffer {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private static final int MAX_RECORDS = 200;

    private DelimiterSniffer() {
    }

    /**
     * @param sample   the start of the file
     * @param complete whether the sample is the whole file (otherwise its last, maybe cut, record is ignored)
     */
    static char sniff(CharSequence sample, boolean complete) {
        char best = ',';
        double bestConsistency = 0;
        int bestFields = 0;
        for (char candidate : CANDIDATES) {
            int[] counts = countPerRecord(sample, candidate, complete);
            int mode = mode(counts);
            if (mode == 0) {
                continue;
            }
            double consistency = share(counts, mode);
            if (consistency > bestConsistency || consistency == bestConsistency && mode > bestFields) {
                best = candidate;
                bestConsistency = consistency;
                bestFields = mode;
            }
        }
        return best;
    }

    private static int[] countPerRecord(CharSequence sample, char delimiter, boolean complete) {
        int[] counts = new int[MAX_RECORDS];
        int records = 0;
        int count = 0;
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < sample.length() && records < MAX_RECORDS; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!blank) {
                    counts[records++] = count;
                }
                count = 0;
                blank = true;
                continue;
            } else if (!quoted && c == delimiter) {
                count++;
            }
            blank = false;
        }
        if (complete && !blank && records < MAX_RECORDS) {
            counts[records++] = count;
        }
        return Arrays.copyOf(counts, records);
    }

    private static int mode(int[] counts) {
        Map<Integer, Integer> frequency = new HashMap<>();
        int mode = 0;
        int seen = 0;
        for (int count : counts) {
            int f = frequency.merge(count, 1, Integer::sum);
            if (count > 0 && (f > seen || f == seen && count > mode)) {
                mode = count;
                seen = f;
            }
        }
        return mode;
    }

    private static double share(int[] counts, int value) {
        int same = 0;
        for (int count : counts) {
            same += count == value ? 1 : 0;
        }
        return counts.length == 0 ? 0 : (double) same / counts.length;
    }
}
