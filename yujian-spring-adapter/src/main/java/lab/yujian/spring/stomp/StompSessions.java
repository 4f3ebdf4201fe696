package lab.yujian.spring.stomp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import lab.yujian.protocol.Nullable;
import org.springframework.messaging.MessageChannel;

/**
 * The adapter's sessions, by WebSocket session id and by the hub's client id; both lookups are O(1).
 */
public final class StompSessions {

    private final Map<String, StompSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, StompSession> byClient = new ConcurrentHashMap<>();
    private final Function<String, MessageChannel> replyChannels;

    /**
     * @param replyChannels makes the ordered reply channel of a session, given its id
     */
    public StompSessions(Function<String, MessageChannel> replyChannels) {
        this.replyChannels = replyChannels;
    }

    void opened(ManagedWebSocketSession socket) {
        bySession.put(socket.getId(), new StompSession(socket.getId(), socket, replyChannels.apply(socket.getId())));
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

    /** Forgets a session; returns its client id if it had connected. */
    @Nullable String closed(String sessionId) {
        StompSession session = bySession.remove(sessionId);
        if (session == null || session.clientId == null) {
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
