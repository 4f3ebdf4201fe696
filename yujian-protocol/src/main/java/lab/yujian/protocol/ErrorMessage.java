package lab.yujian.protocol;

import tools.jackson.databind.JsonNode;

/**
 * {@code ERROR}: a refusal, on the session's reply queue. The session stays open unless the close codes
 * say otherwise (authentication failures, oversize frames, persistent abuse).
 *
 * @param code      the seed's error code
 * @param message   a human-readable explanation that names what was refused
 * @param details   structured detail, for example {@code {"field":"channel"}} or the refused destination
 * @param timestamp server clock in epoch milliseconds
 */
public record ErrorMessage(ErrorCode code, String message, @Nullable JsonNode details, long timestamp)
        implements ServerMessage {
    public ErrorMessage {
        Fields.require(code, "code");
        Fields.require(message, "message");
    }
}
