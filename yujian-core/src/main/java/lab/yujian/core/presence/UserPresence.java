package lab.yujian.core.presence;

import java.time.Instant;
import java.util.Objects;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresencePayload;
import lab.yujian.protocol.payload.PresenceStatus;
import lab.yujian.protocol.payload.UserMetadata;

/**
 * One user's presence, aggregated over their sessions: online if any session is online, away if every
 * session is away, offline if none is left.
 *
 * @param userId   the user
 * @param status   the aggregated status
 * @param location the last location the user set; null if none
 * @param activity the last activity the user set; null if none
 * @param lastSeen when the user last joined, updated or left
 * @param name     display name
 * @param role     role
 * @param sessions how many sessions the user has open
 */
public record UserPresence(String userId, PresenceStatus status, @Nullable String location,
                           @Nullable String activity, Instant lastSeen, String name, String role, int sessions) {

    public UserPresence {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The aggregate of session statuses: online if any is online, away if all are away, else offline. */
    public static PresenceStatus aggregate(Iterable<PresenceStatus> sessions) {
        boolean any = false;
        for (PresenceStatus status : sessions) {
            if (status == PresenceStatus.ONLINE) {
                return PresenceStatus.ONLINE;
            }
            any = true;
        }
        return any ? PresenceStatus.AWAY : PresenceStatus.OFFLINE;
    }

    /** The seed's presence payload for this user. */
    public PresencePayload toPayload() {
        return new PresencePayload(userId, status, location, activity, lastSeen.toString(),
                new UserMetadata(name, null, role));
    }

    /**
     * Whether two views show the same to a client: status, location and activity. A second tab (a new
     * session count) or a new {@code lastSeen} alone is not worth a broadcast.
     */
    public boolean sameAs(UserPresence other) {
        return other != null && status == other.status && Objects.equals(location, other.location)
                && Objects.equals(activity, other.activity);
    }
}
