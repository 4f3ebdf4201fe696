package lab.yujian.core;

import java.util.Objects;
import lab.yujian.protocol.ErrorCode;

/**
 * A refusal by the hub or by application code plugged into it (a {@link PublishHook}). It carries the
 * seed's {@link ErrorCode}; the hub answers the client with that code and this message.
 */
public class YujianException extends RuntimeException {

    private final ErrorCode code;

    /**
     * @param code    the error code to answer with
     * @param message what was refused and why, naming the thing refused
     */
    public YujianException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Same, keeping the cause. */
    public YujianException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error code. */
    public ErrorCode code() {
        return code;
    }

    /** Whether the same request may succeed later, as the code says. */
    public boolean temporary() {
        return code.temporary();
    }
}
