package lab.yujian.app.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.yujian.core.HubConfig;
import lab.yujian.core.YujianException;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Maps every refusal of the REST API onto the protocol's error shape and a fitting status. A client's bad
 * input is answered without logging; every 429 carries {@code Retry-After}.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Log LOG = LogFactory.getLog(ApiErrorHandler.class);

    /** How long until the hub's rate limit grants one more permit: the wait a hub refusal implies. */
    private final Duration hubPermitInterval;

    public ApiErrorHandler(HubConfig hub) {
        RateLimitConfig limit = hub.rateLimit();
        this.hubPermitInterval = limit.window().dividedBy(limit.limit());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return answer(e.status(), new ApiError(e.code(), e.getMessage(), e.details()), e.retryAfter());
    }

    @ExceptionHandler(ProtocolException.class)
    ResponseEntity<ApiError> protocol(ProtocolException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.code(), e.getMessage(),
                e.field() == null ? Map.of() : Map.of("field", e.field())));
    }

    @ExceptionHandler(YujianException.class)
    ResponseEntity<ApiError> hub(YujianException e) {
        HttpStatus status = switch (e.code()) {
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case ACCESS_DENIED, PUBLISH_DENIED -> HttpStatus.FORBIDDEN;
            case SERVICE_UNAVAILABLE, TIMEOUT -> HttpStatus.SERVICE_UNAVAILABLE;
            case SERVER_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
        return answer(status, new ApiError(e.code(), e.getMessage(), Map.of()),
                status == HttpStatus.TOO_MANY_REQUESTS ? hubPermitInterval : null);
    }

    /**
     * A body that does not bind. When a record's constructor refused a field, the answer names it by its
     * path from the body's root, such as {@code services[0].name}.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String path = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProtocolException protocol) {
                return protocol(protocol.under(path));
            }
            if (cause instanceof JacksonException jackson && path.isEmpty()) {
                path = path(jackson.getPath());
            }
        }
        return ResponseEntity.badRequest().body(new ApiError(ErrorCode.INVALID_MESSAGE,
                "The body is not valid JSON of the expected shape", Map.of()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError(ErrorCode.INVALID_MESSAGE, e.getMessage(), Map.of()));
    }

    /**
     * The database failed. Every stored field is limited at the edge (see {@code FieldLimits} and the
     * request records), so no client value reaches the database that it cannot keep: what arrives here is
     * an outage, or a bug, and is logged as such.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiError> database(DataAccessException e) {
        LOG.error("Database failure", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(ErrorCode.SERVICE_UNAVAILABLE,
                "The database is unavailable; try again shortly", Map.of()));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError error, Duration retryAfter) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(ApiException.retryAfterSeconds(retryAfter)));
        }
        return response.body(error);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() > 0 ? "." : "").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
