package lab.yujian.core.presence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * Presence per user, aggregated over the user's sessions on every node.
 *
 * <p>A session is held in one of two ways. A connection's session is held by its node: it lasts as long
 * as that node keeps its lease alive with {@link #heartbeat}, so that the sessions of a node that died
 * go with its lease, and no node has to renew its sessions one by one. A device's check-in has a lease of
 * its own length and lasts until it lapses or is left.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Every method is atomic per user, also when several nodes share the store, and returns the event
 *       its change caused, or empty when the aggregated view did not change.</li>
 *   <li>{@link #expire} removes the sessions of nodes whose lease lapsed and the check-ins whose lease
 *       ran out, and returns the events that caused. When several nodes call it at once, each removal,
 *       and so each event, is reported to exactly one of them: the node that reports an event broadcasts
 *       it, and no LEAVE is broadcast twice.</li>
 * </ul>
 * Thread-safe. Implementations may throw a runtime exception when their server is unreachable.
 */
public interface PresenceStore {

    /** A connection's session of the user opened on {@code nodeId}, online. The first session yields JOIN. */
    Optional<PresenceEvent> join(Identity identity, String clientId, String nodeId);

    /**
     * A presence that no connection holds, such as a badge check-in: it lasts {@code lease} unless left,
     * and a repeated check-in with the same client id renews it.
     */
    Optional<PresenceEvent> checkIn(Identity identity, String clientId, Duration lease);

    /**
     * A session set its status, and optionally location and activity: null keeps the current value, an
     * empty string clears it. Unknown sessions are ignored.
     */
    Optional<PresenceEvent> update(String userId, String clientId, PresenceStatus status,
                                   @Nullable String location, @Nullable String activity);

    /** A session closed. The user's last session yields LEAVE. Unknown sessions are ignored. */
    Optional<PresenceEvent> leave(String userId, String clientId);

    /**
     * Keeps {@code nodeId}'s lease alive for {@code lease} from now; the node's sessions live as long.
     *
     * @return false if the store had no live lease for the node (it lapsed, or the store lost it): the
     *         node's sessions may be gone and should be joined again
     */
    boolean heartbeat(String nodeId, Duration lease);

    /** The nodes whose lease is alive. */
    Set<String> nodes();

    /** Removes lapsed sessions (see the class comment); returns the events, in no particular order. */
    List<PresenceEvent> expire();

    /** Every user with at least one session. */
    List<UserPresence> list();

    /** One user's presence, if they have a session. */
    Optional<UserPresence> get(String userId);
}
