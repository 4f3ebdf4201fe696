package lab.yujian.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Published;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.core.registry.Connection;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;

/**
 * The engine of one node, in the spirit of centrifuge's {@code Node}. An adapter calls it once per
 * inbound event and gives it a {@link SessionTransport} for its local sessions; a {@link Broker} carries
 * publications between nodes. Every refusal is answered by the hub itself with an {@code ERROR} (or
 * {@code SUBSCRIBED} with {@code failed}) on the session's reply queue; methods that take client input
 * never throw for bad input.
 *
 * <p>Thread-safe. No method holds a lock shared by all sessions; delivery locks only its channel.
 */
public interface Hub extends AutoCloseable {

    /** A builder for a hub with this configuration and, unless replaced, in-memory stores. */
    static HubBuilder builder(HubConfig config) {
        return new HubBuilder(config);
    }

    /** The configuration. */
    HubConfig config();

    /**
     * Registers a new session of an authenticated user and marks them present.
     *
     * @throws YujianException with {@link ErrorCode#SERVICE_UNAVAILABLE} if presence cannot be recorded;
     *                         the session is then not registered and observers are not told of it
     */
    Session connect(Identity identity);

    /** Ends a session: subscriptions go, presence follows. Idempotent. */
    void disconnect(String clientId);

    /**
     * Ends a session as {@link #disconnect} does, except for presence: the session stays present, held by
     * this node's lease, for a node that is shutting down and hands its users over to the other nodes. A
     * user who reconnects elsewhere holds a new session there before this node's lease lapses, so nobody
     * sees them leave; the sessions of a user who does not come back lapse with the lease (one
     * {@link HubConfig#nodeLease()} after this node stops renewing it) and a surviving node broadcasts the
     * LEAVE. Only for a node that stops: while it keeps running it keeps renewing its lease. Idempotent.
     */
    void handOver(String clientId);

    /**
     * Parses a channel name with this hub's kinds: the built-in ones and those its {@link HubConfig}
     * declares.
     *
     * @throws lab.yujian.protocol.ProtocolException {@code CHANNEL_NOT_FOUND} for a name that is no channel
     */
    Channel channel(String name);

    /**
     * Subscribes a session to a channel, in one call: authorizes, registers the session for delivery,
     * makes sure this node's broker subscription is live, and only then reads the channel's position for
     * {@code INITIAL_DATA}, so that every message published meanwhile reaches the session exactly once:
     * in the state {@code INITIAL_DATA} reflects, or as DATA after it. Answers {@code SUBSCRIBED} (with
     * {@code failed} when refused: unknown channel, denied, already joined, too many) and, where the
     * channel has state, {@code INITIAL_DATA}.
     *
     * @return the channel, if the session subscribed
     */
    Optional<Channel> subscribe(String clientId, String channelName);

    /**
     * {@link #subscribe(String, String) Subscribes} with options from the SUBSCRIBE frame. A
     * {@code filter} ({@link lab.yujian.protocol.SubscriptionFilter}) makes the session receive, of the
     * channel's DATA, only what matches, and a {@code SKIP} in place of the rest, in live delivery (BATCH
     * included) and in sync answers ({@code skipped}); its INITIAL_DATA holds only the matching elements. A
     * {@code max-rate} of N (on {@code metrics} only) conflates the subscription: at most N DATA per second,
     * the latest of each interval with its real sequence, and {@code SUBSCRIBED.conflated} names it. A
     * malformed option is answered with {@code ERROR INVALID_MESSAGE} naming the header, and the session
     * does not subscribe.
     */
    Optional<Channel> subscribe(String clientId, String channelName, SubscribeOptions options);

    /** The session leaves a channel; answers {@code UNSUBSCRIBED} if it had joined it. */
    void unsubscribe(String clientId, String channelName);

    /**
     * Handles a client message: {@code PUBLISH}, {@code REQUEST_SYNC}, {@code PRESENCE_UPDATE} or
     * {@code PING}, as the destination says.
     *
     * @param kind the message type the destination takes
     * @param body the raw JSON body
     * @return true if it was carried out (for a publish: stored in history), false if it was refused (the
     *         session was told why)
     */
    boolean receive(String clientId, Class<? extends ClientMessage> kind, byte[] body);

    /** Answers a refusal that the adapter detected (a SEND to a broker destination, say). */
    void refuse(String clientId, ErrorCode code, String message);

    /** Records that a frame (a heart-beat included) arrived from the session. */
    void touch(String clientId);

    /**
     * Publishes from the server side (REST endpoints, devices, schedulers): validates the payload as the
     * channel's record and runs its hook, but checks no role and no rate limit.
     *
     * @return the message as stored, with its position
     * @throws lab.yujian.protocol.ProtocolException if the payload is invalid
     * @throws YujianException                       if a hook refuses, or history is unavailable
     */
    Published publish(Identity publisher, Channel channel, Object payload);

    /**
     * A {@link #publish server-side publish} that some sessions do not receive (the sender's other tabs,
     * say): each excluded session subscribed to the channel gets {@code SKIP {channel, sequence, epoch}}
     * in the DATA's place, so that its position advances without a gap; everyone else gets the DATA, and
     * history keeps it, so a sync returns it to anyone, the excluded included. The exclusions travel with
     * the message to the other nodes, each of which skips its own sessions among them; a node that reads the
     * message from history instead (after a gap) delivers it to all its subscribers.
     *
     * @param excludedClientIds client ids; copied
     */
    Published publish(Identity publisher, Channel channel, Object payload, Set<String> excludedClientIds);

    /**
     * Sends a {@code NOTICE} to every session of one user, on their reply queues: on this node at once, and
     * on a cluster through the broker's control messages to every other node, where the user is present
     * beyond this node. The payload is encoded once per node; it is not stored, so a session that is not
     * connected now never receives it. Each node numbers a user's notices in a sequence of its own that
     * lasts while the user has a session there (see {@link lab.yujian.protocol.NoticeMessage#sequence}).
     *
     * @param sender  who sends it; its user id is the notice's {@code sender.userId}
     * @param payload any value Jackson can write (a record, a map, a tree)
     * @return how many local sessions it reached, and whether other nodes were asked
     * @throws lab.yujian.protocol.ProtocolException if the payload is null
     */
    NoticeResult notifyUser(String userId, Identity sender, Object payload);

    /**
     * Marks a user present without a connection, for a device such as a badge reader: the presence lasts
     * {@code lease} unless {@link #checkOut} ends it sooner, and shows {@code location} when given. A
     * repeated check-in from the same source renews it.
     *
     * @param source names the device; one check-in per user and source
     * @return the user's presence afterwards
     */
    UserPresence checkIn(Identity identity, String source, @Nullable String location, Duration lease);

    /** Ends a check-in; empty if the user is no longer present at all. */
    Optional<UserPresence> checkOut(String userId, String source);

    /**
     * Closes a session on behalf of the server (an admin action, say), on whatever node holds it. On this
     * node the hub forgets the session before the transport closes it, so whoever sees the close sees the
     * hub's state after it; another node is asked through the broker.
     *
     * @return false if the client id names this node and no such session is here, or names no live node
     */
    boolean kick(String clientId, CloseCode code, String reason);

    /**
     * The live connections of every node, for admin views; on a single node, its own. Waits at most a
     * second or two for other nodes to answer; a node that does not answer in time is left out.
     */
    List<Connection> connections();

    /**
     * Closes stale sessions, forgets idle rate limits and idle channels. Runs every
     * {@link HubConfig#maintenanceInterval()} by itself; public for tests and tools.
     */
    void runMaintenance();

    /**
     * Renews this node's presence lease and expires what lapsed (other nodes' sessions included). Runs every
     * third of {@link HubConfig#nodeLease()} by itself; public for tests and tools.
     */
    void runPresenceHeartbeat();

    /** The sessions of this node. */
    ConnectionRegistry registry();

    /** Presence. */
    PresenceStore presence();

    /** History. */
    HistoryStore history();

    /** Flushes pending batches and stops the hub's own scheduler. */
    @Override
    void close();
}
