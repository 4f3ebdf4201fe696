package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The {@code presence} channel's payload: one user's aggregated presence over all of their sessions.
 *
 * @param userId   the user
 * @param status   online, away or offline
 * @param location where in the lab
 * @param activity what they are doing
 * @param lastSeen when the user was last active, ISO-8601
 * @param metadata display data
 */
public record PresencePayload(String userId, PresenceStatus status, @Nullable String location,
                              @Nullable String activity, String lastSeen, @Nullable UserMetadata metadata) {
    public PresencePayload {
        Fields.requireText(userId, "userId");
        Fields.require(status, "status");
        Fields.requireInstant(lastSeen, "lastSeen");
    }
}
