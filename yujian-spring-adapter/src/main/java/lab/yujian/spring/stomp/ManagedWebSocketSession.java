package lab.yujian.spring.stomp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 *       closes with 1002 after an ERROR frame), as chosen by {@link HubStompErrorHandler}.</li>
 * </ul>
 */
public final class ManagedWebSocketSession extends WebSocketSessionDecorator {

    private static final ThreadLocal<ManagedWebSocketSession> CURRENT = new ThreadLocal<>();
    private static final byte[] CONNECTED = "CONNECTED\n".getBytes(StandardCharsets.UTF_8);

    private volatile @Nullable String clientId;
    private volatile boolean connectedSent;
    private volatile @Nullable CloseStatus closeOverride;

    ManagedWebSocketSession(WebSocketSession delegate) {
        super(delegate);
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

    /** The next close of this session, whatever status it asks for, uses {@code status}. */
    void overrideNextClose(CloseStatus status) {
        this.closeOverride = status;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (!connectedSent && clientId != null && message instanceof TextMessage text && isConnected(text)) {
            connectedSent = true;
            String frame = text.getPayload();
            message = new TextMessage("CONNECTED\nclient-id:" + clientId + "\n" + frame.substring(CONNECTED.length));
        }
        super.sendMessage(message);
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        CloseStatus override = closeOverride;
        super.close(override != null ? override : status);
    }

    private static boolean isConnected(TextMessage text) {
        byte[] bytes = text.asBytes();
        if (bytes.length < CONNECTED.length) {
            return false;
        }
        for (int i = 0; i < CONNECTED.length; i++) {
            if (bytes[i] != CONNECTED[i]) {
                return false;
            }
        }
        return true;
    }
}
