package lab.yujian.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Field checks for record constructors; each failure names the field. */
public final class Fields {

    /** The earliest instant accepted: the first of year 0000, which every SQL timestamp type keeps. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest instant accepted: the end of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

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

    /**
     * Refuses a string longer than {@code max} characters, or one holding the NUL character (U+0000),
     * which PostgreSQL text cannot keep; null passes (use for optional fields). Together these make a
     * value fit a {@code VARCHAR(max)} column.
     */
    public static @Nullable String maxLength(@Nullable String value, int max, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ProtocolException.invalid(field, "must be at most " + max + " characters, was " + value.length());
        }
        if (value.indexOf('\0') >= 0) {
            throw ProtocolException.invalid(field, "must not contain the NUL character (U+0000)");
        }
        return value;
    }

    /** {@link #requireText} and {@link #maxLength} in one: present, not blank, and fits {@code max}. */
    public static String requireText(@Nullable String value, int max, String field) {
        return maxLength(requireText(value, field), max, field);
    }

    /**
     * Refuses a string longer than {@code maxBytes} in UTF-8 (for limits in bytes, such as bcrypt's 72);
     * null passes. A value with more characters than {@code maxBytes} is refused before it is encoded.
     */
    public static @Nullable String maxUtf8Bytes(@Nullable String value, int maxBytes, String field) {
        if (value != null && (value.length() > maxBytes
                || value.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
            throw ProtocolException.invalid(field, "must be at most " + maxBytes + " bytes in UTF-8");
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
     * Requires an ISO-8601 instant such as {@code 2026-02-02T09:30:00Z} within the years 0000 to 9999
     * ({@link #EARLIEST} to {@link #LATEST}), so that any database timestamp keeps it; returns it unchanged.
     */
    public static String requireInstant(@Nullable String value, String field) {
        require(value, field);
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProtocolException.invalid(field, "must be an ISO-8601 instant such as 2026-02-02T09:30:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProtocolException.invalid(field, "must be an instant in the years 0000 to 9999");
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
