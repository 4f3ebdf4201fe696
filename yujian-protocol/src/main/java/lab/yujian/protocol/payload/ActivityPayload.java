package lab.yujian.protocol.payload;

import java.util.Map;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code activity} channel's payload: one entry of the activity feed.
 *
 * @param id        the entry's id
 * @param type      join, leave, action or announcement
 * @param userId    the user it is about
 * @param message   a human-readable line, up to 1000 characters
 * @param metadata  free-form detail
 * @param timestamp when it happened, ISO-8601
 */
public record ActivityPayload(String id, ActivityType type, String userId, String message,
                              @Nullable Map<String, JsonNode> metadata, String timestamp) {
    public ActivityPayload {
        Fields.requireText(id, "id");
        Fields.require(type, "type");
        Fields.requireText(userId, "userId");
        Fields.require(message, "message");
        Fields.maxLength(message, 1000, "message");
        Fields.requireInstant(timestamp, "timestamp");
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
