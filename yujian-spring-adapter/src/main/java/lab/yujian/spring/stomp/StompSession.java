package lab.yujian.spring.stomp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.Nullable;

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
    volatile @Nullable String clientId;
    volatile @Nullable String repliesSubscriptionId;

    StompSession(String sessionId, ManagedWebSocketSession socket) {
        this.sessionId = sessionId;
        this.socket = socket;
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

    /** The subscription id for a channel, or null. */
    @Nullable String subscriptionOf(String channel) {
        return subscriptionsByChannel.get(channel);
    }
}
