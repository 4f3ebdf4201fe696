package lab.yujian.spring.stomp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.Nullable;
import org.springframework.messaging.MessageChannel;

/**
 * What the adapter keeps per WebSocket session: the hub's client id, the socket (which orders and bounds
 * its outbound frames), the subscription id of the reply queue, and topic subscriptions by STOMP
 * subscription id. Fields are written by the session's own inbound thread and read by others.
 */
final class StompSession {

    final String sessionId;
    final ManagedWebSocketSession socket;
    /** The client outbound channel, shared and synchronous: its frames go straight to {@link #socket}. */
    final MessageChannel replies;
    final Map<String, String> channelsBySubscription = new ConcurrentHashMap<>();
    volatile @Nullable String clientId;
    volatile @Nullable String repliesSubscriptionId;

    StompSession(String sessionId, ManagedWebSocketSession socket, MessageChannel replies) {
        this.sessionId = sessionId;
        this.socket = socket;
        this.replies = replies;
    }
}
