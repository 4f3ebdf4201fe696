package lab.yujian.core.presence;

import java.util.Objects;

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
