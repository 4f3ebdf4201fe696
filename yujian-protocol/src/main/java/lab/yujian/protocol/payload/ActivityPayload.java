package lab.yujian.protocol.payload;

import java.util.Map;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.ProtocolException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code activity} channel's payload: one entry of the activity feed.
 *
 * @param id        the entry's id, up to {@value FieldLimits#ID} characters
 * @param type      join, leave, action or announcement
 * @param userId    the user it is about, up to {@value FieldLimits#ID} characters
 * @param message   a human-readable line, up to {@value FieldLimits#ACTIVITY_MESSAGE} characters
 * @param metadata  free-form detail, up to {@value FieldLimits#ACTIVITY_METADATA} characters as compact JSON
 * @param timestamp when it happened, ISO-8601
 */
public record ActivityPayload(String id, ActivityType type, String userId, String message,
                              @Nullable Map<String, JsonNode> metadata, String timestamp) {
    public ActivityPayload {
        Fields.requireText(id, FieldLimits.ID, "id");
        Fields.require(type, "type");
        Fields.requireText(userId, FieldLimits.ID, "userId");
        Fields.maxLength(Fields.require(message, "message"), FieldLimits.ACTIVITY_MESSAGE, "message");
        Fields.requireInstant(timestamp, "timestamp");
        metadata = metadata == null ? null : Map.copyOf(metadata);
        checkMetadataSize(metadata);
    }

    /** Measures the metadata as a store keeps it: compact JSON, in which a NUL can only appear escaped. */
    private static void checkMetadataSize(@Nullable Map<String, JsonNode> metadata) {
        if (metadata == null) {
            return;
        }
        int length = JsonNodeFactory.instance.objectNode().setAll(metadata).toString().length();
        if (length > FieldLimits.ACTIVITY_METADATA) {
            throw ProtocolException.invalid("metadata", "must be at most " + FieldLimits.ACTIVITY_METADATA
                    + " characters as JSON, was " + length);
        }
    }
}
