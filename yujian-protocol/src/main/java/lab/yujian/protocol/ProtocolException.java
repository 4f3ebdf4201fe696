package lab.yujian.protocol;

import java.util.Objects;

/**
 * A message that breaks the protocol: bad JSON, an unknown type, a missing or malformed field. It always
 * carries the {@link ErrorCode} to answer with, and for {@link ErrorCode#MISSING_FIELD} the field's path.
 */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable String field;

    /**
     * @param code  the error code to answer with; never null
     * @param message a human-readable message that names what is wrong
     * @param field the offending field's dotted path, or null when no single field is at fault
     */
    public ProtocolException(ErrorCode code, String message, @Nullable String field) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** A refusal that names no single field. */
    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** The refusal for a required field that is absent or null. */
    public static ProtocolException missing(String field) {
        return new ProtocolException(ErrorCode.MISSING_FIELD, "Missing required field '" + field + "'", field);
    }

    /** The refusal for a field that is present but has an unusable value. */
    public static ProtocolException invalid(String field, String problem) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, "Field '" + field + "' " + problem, field);
    }

    /** The error code to answer with. */
    public ErrorCode code() {
        return code;
    }

    /** The offending field's dotted path, or null. */
    public @Nullable String field() {
        return field;
    }

    /** The same refusal with its field path placed under {@code parent} (for nested records). */
    public ProtocolException under(String parent) {
        if (field == null || parent.isEmpty()) {
            return this;
        }
        String path = parent + "." + field;
        String message = getMessage().replace("'" + field + "'", "'" + path + "'");
        return new ProtocolException(code, message, path);
    }
}
