package lab.yujian.spring.stomp;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageHandlingRunnable;
import org.springframework.web.socket.CloseStatus;

/**
 * The executor of Spring's client outbound channel. Spring's own choices leave a slow client's queue
 * unbounded: with {@code preservePublishOrder} each session gets an unbounded queue in front of the pool,
 * and without it frames of one session may overtake each other. This executor gives each session an
 * {@link OutboundLane} instead: frames keep their order, one worker at a time sends them, and a session
 * whose waiting frames pass the send buffer limit, or whose send is stuck past the send time limit, is
 * closed with {@link CloseCode#SLOW_CONSUMER} (4500). Such a client reconnects and recovers what it
 * missed by sync, so nothing is lost and no other session waits for it.
 *
 * <p>The workers' queue holds lanes, each at most once, so it never holds more entries than there are
 * sessions; {@code queueCapacity} caps even that, and a session that finds it full is closed with 1011.
 */
public final class SessionOutboundExecutor implements TaskExecutor, AutoCloseable {

    private static final Log LOG = LogFactory.getLog(SessionOutboundExecutor.class);

    private final StompSessions sessions;
    private final ThreadPoolExecutor workers;

    /**
     * @param sessions      the sessions, whose lanes carry their limits
     * @param threads       worker threads that write to sockets
     * @param queueCapacity most lanes that may wait for a worker
     */
    public SessionOutboundExecutor(StompSessions sessions, int threads, int queueCapacity) {
        this.sessions = sessions;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "yujian-outbound-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void execute(Runnable task) {
        StompSession session = task instanceof MessageHandlingRunnable handling ? sessionOf(handling.getMessage()) : null;
        if (session == null) {
            workers.execute(task); // not bound to an open session: nothing to keep in order
            return;
        }
        switch (session.lane.offer(task, payloadSize(task), System.nanoTime())) {
            case SCHEDULE -> schedule(session);
            case OVERFLOW -> closeLater(session, new CloseStatus(CloseCode.SLOW_CONSUMER.code(), "Client too slow"));
            case QUEUED, CLOSED -> {
            }
        }
    }

    private void schedule(StompSession session) {
        try {
            workers.execute(session.lane);
        } catch (RejectedExecutionException e) {
            session.lane.close();
            LOG.warn("Outbound workers are saturated (" + workers.getQueue().size() + " sessions waiting); closing "
                    + session.sessionId);
            close(session, new CloseStatus(CloseCode.SERVER_ERROR.code(), "Server overloaded"));
        }
    }

    /** Closes on a worker, never on the caller's thread: the caller may be a publisher holding a lock. */
    private void closeLater(StompSession session, CloseStatus status) {
        LOG.info("Closing session " + session.sessionId + " of " + session.clientId + ": " + status.getReason()
                + " (" + session.lane.waitingBytes() + " bytes waiting)");
        try {
            workers.execute(() -> close(session, status));
        } catch (RejectedExecutionException e) {
            close(session, status);
        }
    }

    private static void close(StompSession session, CloseStatus status) {
        try {
            session.socket.close(status);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing " + session.sessionId + " failed; it is gone already", e);
        }
    }

    private @Nullable StompSession sessionOf(Message<?> message) {
        return sessions.bySession(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()));
    }

    private static int payloadSize(Runnable task) {
        Object payload = ((MessageHandlingRunnable) task).getMessage().getPayload();
        return payload instanceof byte[] bytes ? bytes.length : 0;
    }

    /** Sessions whose lanes wait for a worker now. */
    public int waitingSessions() {
        return workers.getQueue().size();
    }

    /** Stops the workers; frames still waiting are dropped (their sessions are closing too). */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
