package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import tools.jackson.databind.JsonNode;

/**
 * The {@code collaboration.<documentId>} channels' payload.
 *
 * @param type       cursor, selection, edit or comment
 * @param documentId the document, equal to the channel's document id, up to {@value FieldLimits#ID} characters
 * @param userId     the user who acted, up to {@value FieldLimits#ID} characters
 * @param data       the event's data, free-form
 * @param timestamp  when it happened, ISO-8601
 */
public record CollaborationPayload(CollaborationType type, String documentId, String userId, JsonNode data,
                                   String timestamp) {
    public CollaborationPayload {
        Fields.require(type, "type");
        Fields.requireText(documentId, FieldLimits.ID, "documentId");
        Fields.requireText(userId, FieldLimits.ID, "userId");
        Fields.require(data, "data");
        Fields.requireInstant(timestamp, "timestamp");
    }
}
