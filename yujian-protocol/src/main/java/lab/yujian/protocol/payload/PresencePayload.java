package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The {@code presence} channel's payload: one user's aggregated presence over all of their sessions.
 *
 * @param userId   the user, up to {@value FieldLimits#ID} characters
 * @param status   online, away or offline
 * @param location where in the lab, up to {@value FieldLimits#PRESENCE_TEXT} characters
 * @param activity what they are doing, up to {@value FieldLimits#PRESENCE_TEXT} characters
 * @param lastSeen when the user was last active, ISO-8601
 * @param metadata display data
 */
public record PresencePayload(String userId, PresenceStatus status, @Nullable String location,
                              @Nullable String activity, String lastSeen, @Nullable UserMetadata metadata) {
    public PresencePayload {
        Fields.requireText(userId, FieldLimits.ID, "userId");
        Fields.require(status, "status");
        Fields.maxLength(location, FieldLimits.PRESENCE_TEXT, "location");
        Fields.maxLength(activity, FieldLimits.PRESENCE_TEXT, "activity");
        Fields.requireInstant(lastSeen, "lastSeen");
    }
}
