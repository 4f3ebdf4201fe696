package lab.yujian.spring.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.Nullable;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

/**
 * What the adapter keeps per WebSocket session: the hub's client id, the socket (which orders and bounds
 * its outbound frames), the subscription id of the reply queue, and the mapping between STOMP subscription
 * ids and channels, which is all the adapter knows of subscriptions (the hub keeps the rest). Written by
 * the session's own inbound thread and read by the threads that deliver to it.
 */
final class StompSession {

    final String sessionId;
    final ManagedWebSocketSession socket;
    private final Map<String, String> channelsBySubscription = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptionsByChannel = new ConcurrentHashMap<>();
    private final Map<String, String> userQueues = new ConcurrentHashMap<>();
    volatile @Nullable String clientId;
    volatile @Nullable String repliesSubscriptionId;
    /** Closed by a stopping node: the hub hands its presence over instead of ending it. */
    volatile boolean handedOver;
    private volatile long lastRead = System.nanoTime();
    private volatile long writeIntervalNanos;
    private volatile long readTimeoutNanos;

    /** Most bytes one WebSocket message may have; beyond it the session is closed (1009). */
    private final int assemblyLimit;
    /** The parts of a message being assembled, read by the session's own inbound thread only. */
    private @Nullable ByteArrayOutputStream partial;
    private boolean partialIsText;

    StompSession(String sessionId, ManagedWebSocketSession socket, int assemblyLimit) {
        this.sessionId = sessionId;
        this.socket = socket;
        this.assemblyLimit = assemblyLimit;
    }

    /** Whether a live subscription has this id. */
    boolean idInUse(String subscriptionId) {
        return channelsBySubscription.containsKey(subscriptionId);
    }

    /** Maps a subscription id to a channel; false if the channel or the id is mapped already. */
    synchronized boolean map(String subscriptionId, String channel) {
        if (subscriptionsByChannel.containsKey(channel) || channelsBySubscription.containsKey(subscriptionId)) {
            return false;
        }
        channelsBySubscription.put(subscriptionId, channel);
        subscriptionsByChannel.put(channel, subscriptionId);
        return true;
    }

    /** Forgets a subscription id; returns the channel it was for, if any. */
    synchronized @Nullable String unmap(String subscriptionId) {
        String channel = channelsBySubscription.remove(subscriptionId);
        if (channel != null) {
            subscriptionsByChannel.remove(channel);
        }
        return channel;
    }

    /**
     * Assembles a message the container delivered in parts: returns the whole message once its last part
     * arrived, or null before. A message that grows past the assembly limit closes the session with 1009.
     */
    @Nullable WebSocketMessage<?> assemble(WebSocketMessage<?> part) {
        if (part.isLast() && partial == null) {
            return part; // the usual case: one part
        }
        if (partial == null) {
            partial = new ByteArrayOutputStream(Math.max(1024, part.getPayloadLength() * 2));
            partialIsText = part instanceof TextMessage;
        }
        byte[] bytes = part instanceof TextMessage text ? text.asBytes() : bytesOf(((BinaryMessage) part).getPayload());
        partial.writeBytes(bytes);
        if (partial.size() > assemblyLimit) {
            partial = null;
            socket.close(new CloseStatus(CloseCode.MESSAGE_TOO_BIG.code(), "Message too big"));
            return null;
        }
        if (!part.isLast()) {
            return null;
        }
        byte[] whole = partial.toByteArray();
        partial = null;
        return partialIsText ? new TextMessage(whole) : new BinaryMessage(whole);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** A frame (or a heart-beat) arrived now. */
    void read() {
        lastRead = System.nanoTime();
    }

    long lastRead() {
        return lastRead;
    }

    /**
     * The heart-beats negotiated at CONNECT.
     *
     * @param writeIntervalMillis send a heart-beat after this much silence; 0 for none
     * @param readTimeoutMillis   close the session after this much silence from the client; 0 for never
     */
    void heartbeats(long writeIntervalMillis, long readTimeoutMillis) {
        this.writeIntervalNanos = writeIntervalMillis * 1_000_000;
        this.readTimeoutNanos = readTimeoutMillis * 1_000_000;
        this.lastRead = System.nanoTime();
    }

    long writeIntervalNanos() {
        return writeIntervalNanos;
    }

    long readTimeoutNanos() {
        return readTimeoutNanos;
    }

    /** Records a subscription of a user queue ({@code /user/queue/<name>}). */
    void subscribeUserQueue(String destination, String subscriptionId) {
        userQueues.put(destination, subscriptionId);
        if (StompDestinations.REPLIES.equals(destination)) {
            repliesSubscriptionId = subscriptionId;
        }
    }

    /** Forgets the user queue subscribed with this id; true if there was one. */
    boolean unsubscribeUserQueue(String subscriptionId) {
        boolean removed = userQueues.values().remove(subscriptionId);
        if (subscriptionId.equals(repliesSubscriptionId)) {
            repliesSubscriptionId = null;
        }
        return removed;
    }

    /** The subscription id of a user queue, or null. */
    @Nullable String userQueueSubscription(String destination) {
        return userQueues.get(destination);
    }

    /** The subscription id for a channel, or null. */
    @Nullable String subscriptionOf(String channel) {
        return subscriptionsByChannel.get(channel);
    }
}
