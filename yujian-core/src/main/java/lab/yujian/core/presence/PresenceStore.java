package lab.yujian.core.presence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * Presence per user, aggregated over sessions, with a lease per session.
 *
 * <p>Contract for implementations: every method is atomic per user, and returns the event its change
 * caused, or empty when the aggregated view did not change. A session's lease lasts the store's time to
 * live from its last {@link #join}, {@link #update} or {@link #renew}; {@link #expire} removes sessions
 * whose lease ran out and reports what that changed. Thread-safe.
 */
public interface PresenceStore {

    /**
     * A session of the user opened, online, with the store's default lease. The user's first session
     * yields {@code JOIN}.
     */
    Optional<PresenceEvent> join(Identity identity, String clientId);

    /**
     * Like {@link #join(Identity, String)}, with a lease of its own length: for presence that no
     * connection holds, such as a badge check-in, which lasts until it expires or is left.
     */
    Optional<PresenceEvent> join(Identity identity, String clientId, Duration lease);

    /**
     * A session set its status, and optionally location and activity: null keeps the current value, an
     * empty string clears it. Unknown sessions are ignored.
     */
    Optional<PresenceEvent> update(String userId, String clientId, PresenceStatus status,
                                   @Nullable String location, @Nullable String activity);

    /** A session closed. The user's last session yields {@code LEAVE}. Unknown sessions are ignored. */
    Optional<PresenceEvent> leave(String userId, String clientId);

    /** Extends a session's lease by its own length; false if the store no longer knows the session. */
    boolean renew(String userId, String clientId);

    /** Removes sessions whose lease ran out; returns the events that caused, in no particular order. */
    List<PresenceEvent> expire();

    /** Every user with at least one session. */
    List<UserPresence> list();

    /** One user's presence, if they have a session. */
    Optional<UserPresence> get(String userId);
}
