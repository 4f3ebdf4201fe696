package lab.yujian.app.web;

import java.time.Duration;
import java.util.Map;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import org.springframework.http.HttpStatus;

/** A REST refusal with its HTTP status and the protocol's error code. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final Map<String, Object> details;
    private final @Nullable Duration retryAfter;

    private ApiException(HttpStatus status, ErrorCode code, String message, Map<String, Object> details,
                         @Nullable Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    public ApiException(HttpStatus status, ErrorCode code, String message, Map<String, Object> details) {
        this(status, code, message, details, null);
    }

    public ApiException(HttpStatus status, ErrorCode code, String message) {
        this(status, code, message, Map.of());
    }

    /** 404 for a resource that does not exist. */
    public static ApiException notFound(String resource, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CHANNEL_NOT_FOUND,
                "No " + resource + " '" + id + "'", Map.of("resource", resource));
    }

    /** 400 for a field with an unusable value. */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_MESSAGE,
                "Field '" + field + "' " + problem, Map.of("field", field));
    }

    /** 409 for a request that conflicts with the current state. */
    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, ErrorCode.INVALID_MESSAGE, message);
    }

    /** 429 with a {@code Retry-After} of {@code retryAfter}, which the message repeats. */
    public static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                message + "; try again in " + retryAfterSeconds(retryAfter) + " s", Map.of(), retryAfter);
    }

    /** A wait as {@code Retry-After} gives it: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** How long the client should wait before retrying; null when the refusal says nothing about it. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
