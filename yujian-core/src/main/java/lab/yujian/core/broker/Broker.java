package lab.yujian.core.broker;

import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;

/**
 * How a node's publications reach every node, in the shape of centrifuge's {@code Broker}. The hub is its
 * only caller; it hands the broker one {@link BrokerHandler} at {@link #start} and from then on is told
 * of every publication of the channels it {@link #subscribe}d to.
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Publishing is one step per channel.</b> {@link #publish} appends to {@link #history()}, which
 *       assigns the position, and delivers what it appended: no message is delivered that history does
 *       not hold, and none is stored without being delivered. It returns the stored message, or throws
 *       when history cannot take it (then nothing was delivered either).</li>
 *   <li><b>Delivery is at least once, in any order.</b> The handler may see a channel's publications out
 *       of sequence order or twice (nodes publish through different connections; a reconnect may
 *       replay). The hub restores the order and drops duplicates before any session sees them, and fills
 *       a gap from history itself, so that every node delivers each channel to its sessions in sequence
 *       order, with no gap and no duplicate.</li>
 *   <li><b>Node-level interest.</b> {@link #subscribe} is called when a channel's first local session
 *       subscribes and {@link #unsubscribe} when its last one has gone: once per channel per node, never
 *       per session. After {@code subscribe} returns, every publication of the channel reaches the
 *       handler (if the broker is disconnected it returns at once, subscribes when it is back and says so
 *       with {@link BrokerHandler#reconnected()}).</li>
 *   <li><b>Control messages</b> reach one node, or every node, at most once each: the path for what must
 *       act on another node (close a session there, list its connections).</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface Broker extends AutoCloseable {

    /** Starts delivering to {@code handler}; called once, before any other method. */
    void start(BrokerHandler handler);

    /**
     * Appends to history and delivers to every node subscribed to the channel, this one included. Every
     * node's handler gets the message with {@link Publication#excluded()} as {@link Published#excluded()}
     * (each skips its own sessions among them); history keeps it without.
     *
     * @throws RuntimeException if history cannot store it; nothing was delivered then
     */
    Published publish(String channel, Publication publication);

    /** This node has a session on the channel now; returns once its publications are delivered. */
    void subscribe(String channel);

    /** This node has no session on the channel any more. */
    void unsubscribe(String channel);

    /** The history every node of this broker shares. */
    HistoryStore history();

    /** Delivers a control message to one node's handler; dropped if that node is unknown or gone. */
    void sendControl(String nodeId, byte[] message);

    /** Delivers a control message to every node's handler, this one included. */
    void broadcastControl(byte[] message);

    /** Whether several nodes share this broker (false: every session is on this node). */
    boolean clustered();

    /** Whether the broker delivers across nodes right now; a single-node broker always does. */
    default boolean connected() {
        return true;
    }

    /** Stops delivering and releases connections. */
    @Override
    void close();
}
