package lab.yujian.spring.stomp;

import lab.yujian.core.Hub;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Wraps Spring's sub-protocol handler: it registers each socket as a {@link ManagedWebSocketSession},
 * marks the session whose message a thread is handling (for error frames), and makes sure the hub hears
 * of every closed session even if it never got as far as a DISCONNECT.
 */
public final class HubWebSocketHandler extends WebSocketHandlerDecorator {

    private final StompSessions sessions;
    private final Hub hub;
    private final HubStompErrorHandler errors;

    HubWebSocketHandler(WebSocketHandler delegate, StompSessions sessions, Hub hub, HubStompErrorHandler errors) {
        super(delegate);
        this.sessions = sessions;
        this.hub = hub;
        this.errors = errors;
    }

    /** The factory to register with {@code WebSocketTransportRegistration#addDecoratorFactory}. */
    public static WebSocketHandlerDecoratorFactory factory(StompSessions sessions, Hub hub, HubStompErrorHandler errors) {
        return handler -> new HubWebSocketHandler(handler, sessions, hub, errors);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ManagedWebSocketSession managed = new ManagedWebSocketSession(session, errors::timeoutFrame);
        sessions.opened(managed);
        super.afterConnectionEstablished(managed);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        StompSession stomp = sessions.bySession(session.getId());
        ManagedWebSocketSession.setCurrent(stomp == null ? null : stomp.socket);
        try {
            super.handleMessage(session, message);
        } finally {
            ManagedWebSocketSession.setCurrent(null);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        try {
            super.afterConnectionClosed(session, closeStatus);
        } finally {
            String clientId = sessions.closed(session.getId());
            if (clientId != null) {
                hub.disconnect(clientId);
            }
        }
    }
}
