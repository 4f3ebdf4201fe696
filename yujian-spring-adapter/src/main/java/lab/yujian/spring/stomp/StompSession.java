package lab.yujian.spring.stomp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.Nullable;
import org.springframework.messaging.MessageChannel;

/**
 * What the adapter keeps per WebSocket session: the hub's client id, the socket, the subscription id of
 * the reply queue, topic subscriptions by STOMP subscription id, and the lane that orders and bounds its
 * outbound frames. Fields are written by the session's own inbound thread and read by others.
 */
final class StompSession {

    final String sessionId;
    final ManagedWebSocketSession socket;
    final OutboundLane lane;
    /** The client outbound channel, shared; its executor puts this session's frames on {@link #lane}. */
    final MessageChannel replies;
    final Map<String, String> channelsBySubscription = new ConcurrentHashMap<>();
    volatile @Nullable String clientId;
    volatile @Nullable String repliesSubscriptionId;

    StompSession(String sessionId, ManagedWebSocketSession socket, OutboundLane lane, MessageChannel replies) {
        this.sessionId = sessionId;
        this.socket = socket;
        this.lane = lane;
        this.replies = replies;
    }
}
