package lab.yujian.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Field checks for record constructors; each failure names the field. */
public final class Fields {

    private Fields() {
    }

    /**
     * Returns {@code value}, or throws {@link ErrorCode#MISSING_FIELD} naming {@code field} when it is null.
     */
    public static <T> T require(@Nullable T value, String field) {
        if (value == null) {
            throw ProtocolException.missing(field);
        }
        return value;
    }

    /** Like {@link #require}, and also refuses a blank string with {@link ErrorCode#INVALID_MESSAGE}. */
    public static String requireText(@Nullable String value, String field) {
        require(value, field);
        if (value.isBlank()) {
            throw ProtocolException.invalid(field, "must not be blank");
        }
        return value;
    }

    /** Refuses a string longer than {@code max} characters; null passes (use for optional fields). */
    public static @Nullable String maxLength(@Nullable String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ProtocolException.invalid(field, "must be at most " + max + " characters");
        }
        return value;
    }

    /** Refuses a negative number. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw ProtocolException.invalid(field, "must not be negative");
        }
        return value;
    }

    /**
     * Requires an ISO-8601 instant such as {@code 2026-02-02T09:30:00Z}; returns it unchanged.
     */
    public static String requireInstant(@Nullable String value, String field) {
        require(value, field);
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProtocolException.invalid(field, "must be an ISO-8601 instant such as 2026-02-02T09:30:00Z");
        }
        return value;
    }

    /** Like {@link #requireInstant}, but null passes (for optional fields). */
    public static @Nullable String optionalInstant(@Nullable String value, String field) {
        return value == null ? null : requireInstant(value, field);
    }

    /** Requires a number within {@code [min, max]}. */
    public static double requireRange(@Nullable Double value, double min, double max, String field) {
        require(value, field);
        if (value.isNaN() || value < min || value > max) {
            throw ProtocolException.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Requires a list with between {@code min} and {@code max} elements, none null; returns a copy. */
    public static <T> List<T> requireSize(@Nullable List<T> value, int min, int max, String field) {
        require(value, field);
        if (value.size() < min || value.size() > max) {
            throw ProtocolException.invalid(field, "must have between " + min + " and " + max + " elements");
        }
        for (int i = 0; i < value.size(); i++) {
            require(value.get(i), field + "[" + i + "]");
        }
        return List.copyOf(value);
    }
}
