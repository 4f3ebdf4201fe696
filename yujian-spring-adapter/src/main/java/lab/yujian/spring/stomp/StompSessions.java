package lab.yujian.spring.stomp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import lab.yujian.protocol.Nullable;
import org.springframework.messaging.MessageChannel;

/**
 * The adapter's sessions, by WebSocket session id and by the hub's client id; both lookups are O(1).
 * Each session gets an {@link OutboundLane} with the send buffer and send time limits.
 */
public final class StompSessions {

    private final Map<String, StompSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, StompSession> byClient = new ConcurrentHashMap<>();
    private final Supplier<MessageChannel> outbound;
    private final long sendBufferLimit;
    private final long sendTimeLimitNanos;

    /**
     * @param outbound        the client outbound channel, looked up on first use (it is created by the
     *                        configuration that needs these sessions)
     * @param sendBufferLimit most bytes that may wait for one session before it is closed as too slow
     * @param sendTimeLimit   longest one send to a session may take before it is closed as too slow
     */
    public StompSessions(Supplier<MessageChannel> outbound, long sendBufferLimit, Duration sendTimeLimit) {
        this.outbound = outbound;
        this.sendBufferLimit = sendBufferLimit;
        this.sendTimeLimitNanos = sendTimeLimit.toNanos();
    }

    void opened(ManagedWebSocketSession socket) {
        OutboundLane lane = new OutboundLane(sendBufferLimit, sendTimeLimitNanos);
        bySession.put(socket.getId(), new StompSession(socket.getId(), socket, lane, outbound.get()));
    }

    void bind(String sessionId, String clientId) {
        StompSession session = bySession.get(sessionId);
        if (session != null) {
            session.clientId = clientId;
            session.socket.bindClientId(clientId);
            byClient.put(clientId, session);
        }
    }

    @Nullable StompSession bySession(@Nullable String sessionId) {
        return sessionId == null ? null : bySession.get(sessionId);
    }

    @Nullable StompSession byClient(String clientId) {
        return byClient.get(clientId);
    }

    /** Forgets a session and drops its waiting frames; returns its client id if it had connected. */
    @Nullable String closed(String sessionId) {
        StompSession session = bySession.remove(sessionId);
        if (session == null) {
            return null;
        }
        session.lane.close();
        if (session.clientId == null) {
            return null;
        }
        byClient.remove(session.clientId);
        return session.clientId;
    }

    /** Number of open WebSocket sessions, connected or not. */
    public int size() {
        return bySession.size();
    }
}
