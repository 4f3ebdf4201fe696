package lab.yujian.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions connected to this node. Lookups by client id, by user and by channel are O(1);
 * only the explicitly bulk methods ({@link #list()}, {@link #idleSince}) walk all sessions, and they are
 * for admin views and periodic maintenance, never for message delivery.
 *
 * <p>All methods are thread-safe. Collections returned are copies and do not follow later changes.
 */
public interface ConnectionRegistry {

    /**
     * Registers a session, seen now.
     *
     * @throws IllegalStateException if a session with the same client id is registered
     */
    void add(Session session, Instant now);

    /** Removes a session and its subscriptions; returns its last state, or empty if it was unknown. */
    Optional<SessionState> remove(String clientId);

    /** The session with this client id. */
    Optional<Session> get(String clientId);

    /** The current state of one session. */
    Optional<SessionState> state(String clientId);

    /** The client ids of a user's sessions on this node; empty if none. */
    Set<String> clientIdsOf(String userId);

    /**
     * Records that a session joined a channel.
     *
     * @return false if the session is unknown or had already joined the channel
     */
    boolean subscribe(String clientId, String channel);

    /** Records that a session left a channel; false if it had not joined it. */
    boolean unsubscribe(String clientId, String channel);

    /** Number of channels the session has joined; 0 if it is unknown. */
    int subscriptionCount(String clientId);

    /** Whether the session has joined the channel. */
    boolean isSubscribed(String clientId, String channel);

    /** Records that a frame arrived from the session. Unknown ids are ignored. */
    void touch(String clientId, Instant now);

    /** Number of sessions on this node. */
    int sessionCount();

    /** Number of distinct users with a session on this node. */
    int userCount();

    /** Number of sessions on this node that joined the channel. */
    int subscriberCount(String channel);

    /**
     * The client ids of the sessions on this node that joined the channel: a live, weakly consistent
     * view for delivering to them, not a copy. Iterating it sees every session that joined before the
     * iteration started and did not leave since; it is empty for a channel nobody joined.
     */
    Iterable<String> subscribers(String channel);

    /** Subscriber counts of every channel with at least one subscriber. */
    Map<String, Integer> subscriberCounts();

    /** Every session's state, for admin views. Walks all sessions. */
    List<SessionState> list();

    /** Sessions from which nothing arrived since {@code cutoff}, for stale cleanup. Walks all sessions. */
    List<Session> idleSince(Instant cutoff);
}
