package lab.yujian.app.web;

import java.util.Map;
import lab.yujian.core.YujianException;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps every refusal of the REST API onto the protocol's error shape and a fitting status. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Log LOG = LogFactory.getLog(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage(), e.details()));
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
        return ResponseEntity.status(status).body(new ApiError(e.code(), e.getMessage(), Map.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProtocolException protocol) {
                return protocol(protocol);
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

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ApiError> database(org.springframework.dao.DataAccessException e) {
        LOG.error("Database failure", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(ErrorCode.SERVICE_UNAVAILABLE,
                "The database is unavailable; try again shortly", Map.of()));
    }
}
