package lab.yujian.spring.stomp;

import java.io.IOException;
import java.util.function.Supplier;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * The WebSocket session as the adapter sees it, beneath Spring's concurrent decorator. It does two things
 * Spring's STOMP handler cannot be told to do:
 * <ul>
 *   <li>it adds the {@code client-id} header to the CONNECTED frame (Spring builds that frame itself
 *       from the broker's acknowledgement and offers no hook for extra headers);</li>
 *   <li>it replaces the close status of an error close with the seed's code for the cause (Spring always
 *       closes with 1002 after an ERROR frame), as chosen by {@link HubStompErrorHandler};</li>
 *   <li>when the broker ends a session that sent no heart-beat in time, Spring sends a bare
 *       {@code ERROR message:Session closed.} and closes with 1002, which clients take as final. This
 *       becomes an {@code ERROR} with code {@code TIMEOUT} and the seed's stale close, 1001 "Connection
 *       timeout", which clients retry. (After the client's own DISCONNECT the frame is left alone.)</li>
 * </ul>
 */
public final class ManagedWebSocketSession extends WebSocketSessionDecorator {

    private static final ThreadLocal<ManagedWebSocketSession> CURRENT = new ThreadLocal<>();
    private static final String CONNECTED = "CONNECTED\n";
    private static final String ERROR = "ERROR\n";
    private static final String SESSION_CLOSED = "\nmessage:Session closed.\n";
    /** The seed's close for a stale connection. */
    static final CloseStatus CONNECTION_TIMEOUT = new CloseStatus(CloseCode.GOING_AWAY.code(), "Connection timeout");

    private final Supplier<TextMessage> timeoutFrame;
    private volatile @Nullable String clientId;
    private volatile boolean connectedSent;
    private volatile boolean clientDisconnected;
    private volatile @Nullable CloseStatus closeOverride;

    ManagedWebSocketSession(WebSocketSession delegate, Supplier<TextMessage> timeoutFrame) {
        super(delegate);
        this.timeoutFrame = timeoutFrame;
    }

    /** The session whose inbound message this thread is handling, if any. */
    static @Nullable ManagedWebSocketSession current() {
        return CURRENT.get();
    }

    static void setCurrent(@Nullable ManagedWebSocketSession session) {
        if (session == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(session);
        }
    }

    void bindClientId(String clientId) {
        this.clientId = clientId;
    }

    /** The client sent DISCONNECT: the broker's "Session closed." that follows is no timeout. */
    void clientDisconnected() {
        this.clientDisconnected = true;
    }

    /** The next close of this session, whatever status it asks for, uses {@code status}. */
    void overrideNextClose(CloseStatus status) {
        this.closeOverride = status;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (!connectedSent && clientId != null && message instanceof TextMessage text && isConnected(text)) {
            connectedSent = true;
            String frame = text.getPayload();
            message = new TextMessage("CONNECTED\nclient-id:" + clientId + "\n" + frame.substring(CONNECTED.length()));
        } else if (!clientDisconnected && message instanceof TextMessage text
                && text.getPayload().startsWith(ERROR) && text.getPayload().contains(SESSION_CLOSED)) {
            closeOverride = CONNECTION_TIMEOUT;
            message = timeoutFrame.get();
        }
        super.sendMessage(message);
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        CloseStatus override = closeOverride;
        super.close(override != null ? override : status);
    }

    private static boolean isConnected(TextMessage text) {
        return text.getPayload().startsWith(CONNECTED);
    }

}
