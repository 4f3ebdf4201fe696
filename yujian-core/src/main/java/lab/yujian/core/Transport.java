package lab.yujian.core;

import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;

/**
 * How the hub's messages reach clients. An adapter implements it over its wire (STOMP over WebSocket,
 * a broker relay). Every message is already encoded once, as UTF-8 JSON; a transport must not re-encode
 * it per recipient.
 *
 * <p>Calls for one channel arrive in sequence order, and a transport must keep that order per channel.
 * Methods must not block for long and must not call back into the hub.
 */
public interface Transport {

    /** Delivers a {@code DATA} or {@code BATCH} message to every subscriber of the channel, on any node. */
    void broadcast(Channel channel, byte[] message);

    /** Delivers a reply to one session's reply queue; a session that is gone is ignored. */
    void send(String clientId, byte[] message);

    /** Closes one session with a close code; the adapter then reports the disconnect to the hub. */
    void close(String clientId, CloseCode code, String reason);
}
