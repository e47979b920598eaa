package io.sheetingest.problem;

import java.util.UUID;

/**
 * Query parameters read as text and checked here, so that a value of the wrong shape gets a 400 problem naming the
 * parameter, rather than the 404 JAX-RS gives a query parameter it cannot convert.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole number within bounds, or the default when absent.
     *
     * @throws ProblemException 400 naming the parameter
     */
    public static long whole(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below like a number out of range
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "Query parameter '" + name + "' is '" + value
                + "': use a whole number from " + min + " to " + max);
    }

    /**
     * A UUID, or null when absent.
     *
     * @throws ProblemException 400 naming the parameter
     */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Query parameter '" + name + "' is '" + value
                    + "', which is not a job id");
        }
    }
}
