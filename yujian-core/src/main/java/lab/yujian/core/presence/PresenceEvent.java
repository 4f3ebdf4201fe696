package lab.yujian.core.presence;

import java.util.Objects;
import java.util.Optional;
import lab.yujian.protocol.Nullable;

/**
 * A change of a user's aggregated presence.
 *
 * @param type     join, update or leave
 * @param presence the user's presence after the change; {@code offline} for a leave
 */
public record PresenceEvent(Type type, UserPresence presence) {

    public PresenceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(presence, "presence");
    }

    /**
     * The event between two views of one user, if any: the first session is a JOIN, the last one gone a
     * LEAVE, a change a client can see (status, location, activity) an UPDATE.
     *
     * @param before the view before, or null if the user had no session
     * @param after  the view after; {@code sessions() == 0} when the last one is gone
     */
    public static Optional<PresenceEvent> between(@Nullable UserPresence before, UserPresence after) {
        if (before == null || before.sessions() == 0) {
            return after.sessions() == 0 ? Optional.empty() : Optional.of(new PresenceEvent(Type.JOIN, after));
        }
        if (after.sessions() == 0) {
            return Optional.of(new PresenceEvent(Type.LEAVE, after));
        }
        return after.sameAs(before) ? Optional.empty() : Optional.of(new PresenceEvent(Type.UPDATE, after));
    }

    /** The kinds of presence change. */
    public enum Type {
        /** The user's first session opened: they came online. */
        JOIN,
        /** Status, location or activity changed. */
        UPDATE,
        /** The user's last session closed or expired: they went offline. */
        LEAVE
    }
}
