package io.sheetingest.executor;

/**
 * Thread counts of the managed executors: the default formulas and the validated overrides.
 *
 * @param workers the resolved thread count
 * @param source  {@code "default"} when the formula applied, {@code "override"} when a setting fixed it
 */
public record WorkerSizing(int workers, String source) {

    /** CPU-bound work: leave one core to the event loop and the database driver. */
    public static int cpuDefault(int cores) {
        return Math.max(1, cores - 1);
    }

    /** I/O-bound work mostly waits, so it gets more threads than cores, capped to spare the database. */
    public static int ioDefault(int cores) {
        return Math.min(cores * 5, 20);
    }

    /**
     * Resolves an override against its default.
     *
     * @param variable     the environment variable the value is documented under, named in the error
     * @param value        the configured text; {@code 0} or blank selects the default
     * @param defaultCount what the formula gives on this machine
     * @throws IllegalArgumentException when the value is not a whole number or is negative
     */
    public static WorkerSizing resolve(String variable, String value, int defaultCount) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return new WorkerSizing(defaultCount, "default");
        }
        int parsed;
        try {
            parsed = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    variable + "='" + value + "' is not a whole number: set a thread count, or 0 for the default");
        }
        if (parsed < 0) {
            throw new IllegalArgumentException(
                    variable + "='" + value + "' is negative: set a thread count, or 0 for the default");
        }
        return parsed == 0 ? new WorkerSizing(defaultCount, "default") : new WorkerSizing(parsed, "override");
    }
}
