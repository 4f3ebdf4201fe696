package lab.yujian.spring.stomp;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import lab.yujian.core.Hub;
import lab.yujian.protocol.CloseCode;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Wraps Spring's sub-protocol handler: it registers each socket as a {@link ManagedWebSocketSession},
 * marks the session whose message a thread is handling (for error frames), closes a socket that has not
 * sent a CONNECT within the connect timeout (1001, so that idle TCP connections cannot hold file
 * descriptors), and makes sure the hub hears of every closed session even if it never got as far as a
 * DISCONNECT (or, for a session a stopping node closed, hands it over: see {@link StompDrain}).
 */
public final class HubWebSocketHandler extends WebSocketHandlerDecorator {

    private static final org.apache.commons.logging.Log LOG =
            org.apache.commons.logging.LogFactory.getLog(HubWebSocketHandler.class);

    private final StompSessions sessions;
    private final Hub hub;
    private final HubStompErrorHandler errors;
    private final Duration connectTimeout;

    /** Sockets without a CONNECT yet, in the order they opened: their deadlines rise along the queue. */
    private final Queue<Pending> unconnected = new ConcurrentLinkedQueue<>();
    /** Sockets whose CONNECT arrived but was not answered by its first deadline, likewise in order. */
    private final Queue<Pending> answering = new ConcurrentLinkedQueue<>();

    HubWebSocketHandler(WebSocketHandler delegate, StompSessions sessions, Hub hub, HubStompErrorHandler errors,
                        TaskScheduler scheduler, Duration connectTimeout) {
        super(delegate);
        this.sessions = sessions;
        this.hub = hub;
        this.errors = errors;
        this.connectTimeout = connectTimeout;
        Duration every = Duration.ofMillis(Math.max(50, Math.min(1000, connectTimeout.toMillis() / 4)));
        scheduler.scheduleWithFixedDelay(this::closeUnconnected, every);
    }

    /** A socket and the time ({@link System#nanoTime()}) by which it must have connected. */
    private record Pending(ManagedWebSocketSession session, long deadline) {
    }

    /**
     * The factory to register with {@code WebSocketTransportRegistration#addDecoratorFactory}.
     *
     * @param connectTimeout how long a socket may stay open without sending CONNECT
     */
    public static WebSocketHandlerDecoratorFactory factory(StompSessions sessions, Hub hub, HubStompErrorHandler errors,
                                                           TaskScheduler scheduler, Duration connectTimeout) {
        return handler -> new HubWebSocketHandler(handler, sessions, hub, errors, scheduler, connectTimeout);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ManagedWebSocketSession managed = sessions.opened(session);
        unconnected.add(new Pending(managed, System.nanoTime() + connectTimeout.toNanos()));
        int textBuffer = session.getTextMessageSizeLimit();
        super.afterConnectionEstablished(managed);
        // Spring's STOMP handler raises the container's text buffer to its own frame limit (16 KB of chars, so
        // 32 KB per session, idle or not); large messages arrive in parts (see supportsPartialMessages), so the
        // container's own, smaller buffer is put back
        session.setTextMessageSizeLimit(textBuffer);
    }

    /**
     * Closes the sockets that sent no CONNECT within the connect timeout (1001), so that idle TCP connections
     * cannot hold file descriptors. A socket whose CONNECT arrived is being answered (in a connect storm the
     * answers queue up): it gets three more timeouts before it is closed the same way. One sweep looks only
     * at the sockets past their deadline, never at every socket; no timer per socket.
     */
    private void closeUnconnected() {
        long now = System.nanoTime();
        for (Pending head = unconnected.peek(); head != null && head.deadline - now <= 0; head = unconnected.peek()) {
            unconnected.poll();
            ManagedWebSocketSession session = head.session;
            if (session.isConnected() || !session.isOpen()) {
                continue;
            }
            if (session.frameReceived()) {
                answering.add(new Pending(session, now + 3 * connectTimeout.toNanos()));
            } else {
                session.close(new CloseStatus(CloseCode.GOING_AWAY.code(), "No CONNECT in time"));
            }
        }
        for (Pending head = answering.peek(); head != null && head.deadline - now <= 0; head = answering.peek()) {
            answering.poll();
            if (!head.session.isConnected() && head.session.isOpen()) {
                head.session.close(new CloseStatus(CloseCode.GOING_AWAY.code(), "No CONNECT in time"));
            }
        }
    }

    /**
     * Yes: the container hands over a large message in parts, so that its per-session buffers can be sized
     * for the frames sessions really send (a few KB), not for the largest one allowed; the parts are
     * assembled here, for that session only, while such a message arrives.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        if (!session.isOpen()) {
            // read before the close took effect: the session's STOMP state is gone, and so is its client's say
            return;
        }
        StompSession stomp = sessions.bySession(session.getId());
        WebSocketMessage<?> whole = stomp == null ? message : stomp.assemble(message);
        if (whole == null) {
            return; // a part; the rest follows
        }
        if (stomp != null) {
            stomp.socket.markFrameReceived(); // the first is CONNECT, or the frame rules close the socket
        }
        ManagedWebSocketSession.setCurrent(stomp == null ? null : stomp.socket);
        try {
            super.handleMessage(session, whole);
        } finally {
            ManagedWebSocketSession.setCurrent(null);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        try {
            super.afterConnectionClosed(session, closeStatus);
        } catch (org.springframework.messaging.MessageDeliveryException e) {
            // Spring's STOMP handler tells the inbound channel of the DISCONNECT; while the node stops, that
            // channel's executor may be gone already. The hub is told below either way
            if (!(causedByRejection(e))) {
                throw e;
            }
            LOG.debug("Session " + session.getId() + " closed while the node stops: " + e.getMessage());
        } finally {
            StompSession stomp = sessions.bySession(session.getId());
            String clientId = sessions.closed(session.getId());
            if (clientId != null && stomp != null && stomp.handedOver) {
                hub.handOver(clientId);
            } else if (clientId != null) {
                hub.disconnect(clientId);
            }
        }
    }

    /** An executor that no longer takes tasks (it is shutting down) refused the message. */
    private static boolean causedByRejection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.RejectedExecutionException) {
                return true;
            }
        }
        return false;
    }
}
