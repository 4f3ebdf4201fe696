package lab.yujian.app.web;

import java.util.Map;
import lab.yujian.protocol.ErrorCode;

/**
 * The body of every REST refusal: the protocol's error shape.
 *
 * @param code    the seed's error code
 * @param message what was refused and why
 * @param details structured detail, such as the offending {@code field}
 */
public record ApiError(ErrorCode code, String message, Map<String, Object> details) {
}
