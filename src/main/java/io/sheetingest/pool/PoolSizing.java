package io.sheetingest.pool;

import java.util.List;

/**
 * Database pool sizes, the same rule for the Agroal (JDBC) and the reactive pool.
 *
 * <ul>
 *   <li>{@code dev} and {@code test}: 10 base + 10 overflow;</li>
 *   <li>{@code prod} (and any other profile): {@code min(30, cores * 10)} base + {@code min(20, cores * 5)}
 *       overflow;</li>
 *   <li>{@code DB_POOL_SIZE} / {@code DB_MAX_OVERFLOW} override either part; {@code 0} keeps the rule.</li>
 * </ul>
 *
 * @param base     connections kept open: Agroal min-size and initial-size
 * @param overflow extra connections opened under load
 * @param source   {@code default} when the profile rule gave both figures, else {@code override}
 */
public record PoolSizing(int base, int overflow, String source) {

    public static final String SIZE_VARIABLE = "DB_POOL_SIZE";
    public static final String OVERFLOW_VARIABLE = "DB_MAX_OVERFLOW";

    /** Base plus overflow: Agroal max-size and the reactive pool's max-size. */
    public int max() {
        return base + overflow;
    }

    /**
     * Applies the profile rule and the overrides.
     *
     * @throws IllegalArgumentException naming the variable when an override is not a whole number or is negative
     */
    public static PoolSizing resolve(List<String> profiles, int cores, String size, String overflow) {
        boolean small = profiles.contains("dev") || profiles.contains("test");
        int defaultBase = small ? 10 : Math.min(30, cores * 10);
        int defaultOverflow = small ? 10 : Math.min(20, cores * 5);
        int base = parse(SIZE_VARIABLE, size);
        int extra = parse(OVERFLOW_VARIABLE, overflow);
        String source = base == 0 && extra == 0 ? "default" : "override";
        return new PoolSizing(base == 0 ? defaultBase : base, extra == 0 ? defaultOverflow : extra, source);
    }

    private static int parse(String variable, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new IllegalArgumentException(variable + "='" + value
                        + "' is negative: set a connection count, or 0 for the profile default");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "='" + value
                    + "' is not a whole number: set a connection count, or 0 for the profile default");
        }
    }
}
