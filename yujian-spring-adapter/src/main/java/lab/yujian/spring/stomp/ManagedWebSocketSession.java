package lab.yujian.spring.stomp;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.Nullable;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * The WebSocket session as the adapter sees it: the one path every write to the socket takes. It stands
 * where Spring would put its {@code ConcurrentWebSocketSessionDecorator}, and differs from it in what
 * matters under load:
 * <ul>
 *   <li><b>No caller waits on the socket.</b> Frames go into this session's {@link OutboundQueue} and out
 *       through the container's asynchronous send, one write in flight at a time; a backlog is coalesced
 *       into few large writes. A pre-encoded broadcast frame is written as it is ({@link #send(byte[])}),
 *       shared by every session that receives it, as a binary WebSocket message (STOMP clients read both
 *       kinds; no text is decoded and encoded again per recipient).</li>
 *   <li><b>Slow readers are closed, not waited for.</b> When the waiting bytes would pass the send buffer
 *       limit, or one write has taken longer than the send time limit ({@link StompSessions} sweeps for
 *       that), the session is closed with 4500 on the closer threads, never on the caller's.</li>
 *   <li><b>A close follows the frames before it.</b> An ERROR frame always reaches the client before the
 *       close that follows it.</li>
 * </ul>
 * It also does what Spring's STOMP handler cannot be told to do: it adds the {@code client-id} header to
 * the CONNECTED frame, and replaces the close status of an error close with the seed's code for the cause
 * (as chosen by {@link HubStompErrorHandler}).
 */
public final class ManagedWebSocketSession extends WebSocketSessionDecorator {

    private static final ThreadLocal<ManagedWebSocketSession> CURRENT = new ThreadLocal<>();
    private static final String CONNECTED = "CONNECTED\n";
    /** The seed's close for a stale connection. */
    static final CloseStatus CONNECTION_TIMEOUT = new CloseStatus(CloseCode.GOING_AWAY.code(), "Connection timeout");
    static final CloseStatus TOO_SLOW = new CloseStatus(CloseCode.SLOW_CONSUMER.code(), "Client too slow");

    private final OutboundQueue queue;
    private final RemoteEndpoint.Async remote;
    private final StompSessions owner;
    private final AtomicBoolean faultSeen = new AtomicBoolean();
    private final AtomicBoolean aborted = new AtomicBoolean();
    /** Whether {@link StompSessions} has this session among those it sweeps for the send time limit. */
    final AtomicBoolean swept = new AtomicBoolean();
    private volatile @Nullable String clientId;
    private volatile boolean connectedSent;
    private volatile boolean frameReceived;
    private volatile long lastWrite = System.nanoTime();
    private volatile @Nullable CloseStatus closeOverride;
    private volatile @Nullable CloseStatus closing;

    ManagedWebSocketSession(WebSocketSession delegate, OutboundQueue queue, StompSessions owner) {
        super(delegate);
        this.queue = queue;
        this.owner = owner;
        jakarta.websocket.Session container = delegate instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(jakarta.websocket.Session.class) : null;
        if (container == null) {
            throw new IllegalStateException("Yu Jian writes through the JSR-356 (jakarta.websocket) API; session "
                    + delegate.getClass().getName() + " offers none");
        }
        // A close frame waits behind a write in flight for at most this long; then the socket is dropped
        container.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 1000L);
        this.remote = container.getAsyncRemote();
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

    /** Whether a whole frame arrived from the client (its CONNECT, or something the frame rules refuse). */
    boolean frameReceived() {
        return frameReceived;
    }

    void markFrameReceived() {
        if (!frameReceived) {
            frameReceived = true;
        }
    }

    /** Whether a CONNECT of this socket was accepted. */
    boolean isConnected() {
        return clientId != null;
    }

    /** The hub's client id, once connected. */
    @Nullable String clientId() {
        return clientId;
    }

    /** True the first time only: a session's faults are logged once. */
    boolean firstFault() {
        return faultSeen.compareAndSet(false, true);
    }

    /** The next close of this session, whatever status it asks for, uses {@code status}. */
    void overrideNextClose(CloseStatus status) {
        this.closeOverride = status;
    }

    /** Bytes waiting behind the write in flight. */
    long waitingBytes() {
        return queue.waitingBytes();
    }

    /** When the write in flight started ({@link System#nanoTime()}), or 0 when the session is idle. */
    long writingSince() {
        return queue.writingSince();
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (message instanceof TextMessage text) {
            send(rewrite(text).getPayload().getBytes(StandardCharsets.UTF_8));
        } else if (message instanceof BinaryMessage binary) {
            ByteBuffer payload = binary.getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            send(bytes);
        } else {
            throw new IllegalArgumentException("Only text and binary messages are sent, not " + message.getClass());
        }
    }

    /**
     * Queues a whole encoded STOMP frame (or several) for this session. Never blocks. The array is not
     * copied: the caller must not change it afterwards, and may hand the same array to other sessions.
     */
    public void send(byte[] frame) {
        act(queue.offer(frame, System.nanoTime()));
    }

    /**
     * Queues a frame like {@link #send(byte[])}, but leaves starting the write to the caller: true means
     * the session was idle and {@link #flush()} must follow, on any thread (a fan-out hands many sessions
     * to the writer threads at once this way, see {@link StompSessions#flush}).
     */
    boolean enqueue(byte[] frame) {
        OutboundQueue.Next next = queue.offer(frame, System.nanoTime());
        if (next.action() == OutboundQueue.Action.START) {
            owner.writing(this);
            return true;
        }
        act(next);
        return false;
    }

    /** Starts the write {@link #enqueue} handed out, with everything queued by now. */
    void flush() {
        act(queue.take(System.nanoTime()));
    }

    private TextMessage rewrite(TextMessage text) {
        String frame = text.getPayload();
        if (!connectedSent && clientId != null && frame.startsWith(CONNECTED)) {
            connectedSent = true;
            return new TextMessage(CONNECTED + "client-id:" + clientId + "\n" + frame.substring(CONNECTED.length()));
        }
        return text;
    }

    /** When the last write to the socket started ({@link System#nanoTime()}). */
    long lastWrite() {
        return lastWrite;
    }

    private void act(OutboundQueue.Next next) {
        switch (next.action()) {
            case START -> {
                owner.writing(this);
                act(queue.take(System.nanoTime()));
            }
            case WRITE -> write(next.batch());
            case CLOSE -> owner.closeLater(this, closing);
            case OVERFLOW -> abort(TOO_SLOW, "its send buffer is full (" + owner.sendBufferLimit() + " bytes)");
            case NONE -> {
            }
        }
    }

    private void write(ByteBuffer batch) {
        lastWrite = System.nanoTime();
        boolean outermost = InlineSendCompletions.begin();
        try {
            remote.sendBinary(batch, this::written);
        } catch (RuntimeException e) { // the container refused: the socket is closing or broken
            queue.close();
        } finally {
            if (outermost) {
                InlineSendCompletions.end(); // a send that completed at once: its completion runs here, not on a pool
            }
        }
    }

    private void written(SendResult result) {
        if (!result.isOK()) {
            queue.close(); // the container closes the session and Spring reports it
            return;
        }
        act(queue.written(System.nanoTime()));
    }

    /** The socket closed: drops whatever still waits. */
    void abandon() {
        queue.close();
    }

    /** Drops what waits and closes at once, on the closer threads: the client cannot keep up. */
    void abort(CloseStatus status, String why) {
        if (aborted.compareAndSet(false, true)) {
            queue.close();
            owner.closeLater(this, status, why);
        }
    }

    /**
     * Closes once the frames already queued are written (at once if none wait). The override set by
     * {@link #overrideNextClose} wins over {@code status}.
     */
    @Override
    public void close(CloseStatus status) {
        CloseStatus override = closeOverride;
        closing = override != null ? override : status;
        act(queue.closeWhenDrained());
    }

    /** Closes the socket now, on the calling thread; for the closer threads. */
    void closeNow(CloseStatus status) {
        try {
            super.close(status);
        } catch (IOException | RuntimeException e) {
            // gone already
        }
    }
}
