package lab.yujian.app.notices;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/notices}.
 *
 * @param userId  the user's id (their token's {@code sub})
 * @param payload any JSON value, sent to the user as it is
 */
public record NoticeRequest(String userId, JsonNode payload) {
    public NoticeRequest {
        Fields.maxLength(Fields.require(userId, "userId"), FieldLimits.ID, "userId");
        Fields.require(payload, "payload");
        if (payload.isNull() || payload.isMissingNode()) {
            throw new lab.yujian.protocol.ProtocolException(lab.yujian.protocol.ErrorCode.MISSING_FIELD,
                    "Missing required field 'payload'", "payload");
        }
    }
}
