package lab.yujian.core;

import java.util.Objects;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;

/**
 * A refusal by the hub or by application code plugged into it (a {@link PublishHook}). It carries the
 * seed's {@link ErrorCode}, and the field at fault when there is one; the hub answers the client with that
 * code, this message and {@code details.field}.
 */
public class YujianException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable String field;

    /**
     * @param code    the error code to answer with
     * @param message what was refused and why, naming the thing refused
     */
    public YujianException(ErrorCode code, String message) {
        this(code, message, (String) null);
    }

    /**
     * @param field the dotted path of the field at fault ({@code payload.expiresAt}), or null
     */
    public YujianException(ErrorCode code, String message, @Nullable String field) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** Same, keeping the cause. */
    public YujianException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = null;
    }

    /** The error code. */
    public ErrorCode code() {
        return code;
    }

    /** The field at fault, or null. */
    public @Nullable String field() {
        return field;
    }

    /** Whether the same request may succeed later, as the code says. */
    public boolean temporary() {
        return code.temporary();
    }
}
