package lab.yujian.core;

import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;

/**
 * How the hub's messages reach this node's sessions; an adapter implements it over its wire (STOMP over
 * WebSocket). Only local sessions are reached through it: what must reach another node goes through the
 * {@link lab.yujian.core.broker.Broker}. Every message is encoded once, as UTF-8 JSON: a transport must not
 * encode it again per recipient, and must not change the array it is given.
 *
 * <p>Calls for one channel arrive in sequence order; a transport keeps that order per session. No method
 * may block on a client's socket (a slow client is the transport's to bound and close), and none may call
 * back into the hub.
 */
public interface SessionTransport {

    /**
     * Delivers a {@code DATA} or {@code BATCH} message of {@code channel} to these local sessions, each
     * subscribed to it.
     *
     * @param clientIds a live view of the subscribers: iterate it once, during this call, and keep nothing
     */
    void deliver(Channel channel, byte[] message, Iterable<String> clientIds);

    /** Delivers a reply to one local session's reply queue; a session that is gone is ignored. */
    void send(String clientId, byte[] message);

    /** Closes one local session with a close code; the adapter then reports the disconnect to the hub. */
    void close(String clientId, CloseCode code, String reason);
}
