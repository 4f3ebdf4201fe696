package lab.yujian.app.web;

import java.util.Map;
import lab.yujian.protocol.ErrorCode;
import org.springframework.http.HttpStatus;

/** A REST refusal with its HTTP status and the protocol's error code. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(HttpStatus status, ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
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

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
