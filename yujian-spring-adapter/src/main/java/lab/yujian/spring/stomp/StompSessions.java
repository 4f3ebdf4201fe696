package lab.yujian.spring.stomp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.yujian.protocol.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The adapter's sessions, by WebSocket session id and by the hub's client id; both lookups are O(1).
 * Each session writes through a {@link ManagedWebSocketSession} with the send buffer and send time limits.
 * This class owns what those writers share: the closer threads, on which slow or finished sessions are
 * closed (a close may wait up to a second for a stuck socket, so it never runs on a caller's thread), and
 * the sweep that closes a session whose write has taken longer than the send time limit (it looks only at
 * sessions that wrote since its last round), and the writer threads that start the writes of a large
 * fan-out in parallel ({@link #flush}).
 */
public final class StompSessions implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(StompSessions.class);
    /** Frames waiting behind a write in flight are coalesced into writes of at most this size. */
    static final int MAX_BATCH_BYTES = 64 * 1024;
    /** A fan-out to at most this many idle sessions starts their writes on the delivering thread. */
    static final int INLINE_FLUSH = 64;
    /** Most sessions one writer task starts writes for. */
    static final int MAX_FLUSH_CHUNK = 256;

    private final Map<String, StompSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, StompSession> byClient = new ConcurrentHashMap<>();
    private final Set<ManagedWebSocketSession> writing = ConcurrentHashMap.newKeySet();
    private final long sendBufferLimit;
    private final long sendTimeLimitNanos;
    private final int messageSizeLimit;
    private final ThreadPoolExecutor closer;
    private final ThreadPoolExecutor writers;
    private final ScheduledFuture<?> sweep;

    /**
     * @param sendBufferLimit most bytes that may wait for one session before it is closed as too slow
     * @param sendTimeLimit   longest one write to a session may take before it is closed as too slow
     * @param scheduler       runs the sweep for writes past the time limit
     * @param messageSizeLimit largest WebSocket message a client may send; one larger closes with 1009
     */
    public StompSessions(long sendBufferLimit, Duration sendTimeLimit, TaskScheduler scheduler, int messageSizeLimit) {
        this.messageSizeLimit = messageSizeLimit;
        this.sendBufferLimit = sendBufferLimit;
        this.sendTimeLimitNanos = sendTimeLimit.toNanos();
        AtomicInteger count = new AtomicInteger();
        // Bounded: a session is closed here at most once; when full (a mass close), the caller closes it
        this.closer = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(65_536), runnable -> {
            Thread thread = new Thread(runnable, "yujian-closer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Starting an asynchronous write never blocks, so one thread per core is enough; a task that does not
        // fit in the queue runs on the delivering thread instead (backpressure, nothing dropped)
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger writerCount = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                runnable -> {
                    Thread thread = new Thread(runnable, "yujian-writer-" + writerCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        // A write past the limit is closed at most a twentieth of the limit (half a second at most) late; the
        // sweep looks only at sessions with a write in flight, so a short period costs little
        Duration every = Duration.ofNanos(Math.max(50_000_000L, Math.min(500_000_000L, sendTimeLimitNanos / 20)));
        this.sweep = scheduler.scheduleWithFixedDelay(this::sweep, every);
    }

    /** Wraps a new socket in its writer and registers it. */
    ManagedWebSocketSession opened(WebSocketSession socket) {
        ManagedWebSocketSession managed = new ManagedWebSocketSession(socket,
                new OutboundQueue(sendBufferLimit, MAX_BATCH_BYTES), this);
        bySession.put(socket.getId(), new StompSession(socket.getId(), managed, messageSizeLimit));
        return managed;
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
        writing.remove(session.socket);
        session.socket.abandon();
        if (session.clientId == null) {
            return null;
        }
        byClient.remove(session.clientId);
        return session.clientId;
    }

    /**
     * Closes a session for a node that stops, once the frames already queued for it are written; when it
     * has closed, the hub hands its presence over ({@link lab.yujian.core.Hub#handOver}) instead of ending it.
     */
    void handOver(StompSession session, CloseStatus status) {
        session.handedOver = true;
        session.socket.close(status);
    }

    /** Every open session: a live view, for the heart-beat sweep. */
    java.util.Collection<StompSession> all() {
        return bySession.values();
    }

    /** Number of open WebSocket sessions, connected or not. */
    public int size() {
        return bySession.size();
    }

    long sendBufferLimit() {
        return sendBufferLimit;
    }

    /** A write of this session was claimed: the sweep watches it until it has been idle for a round. */
    void writing(ManagedWebSocketSession session) {
        if (session.swept.compareAndSet(false, true)) {
            writing.add(session);
        }
    }

    /**
     * Starts the writes {@link ManagedWebSocketSession#enqueue} handed out. A few start here, on the
     * delivering thread; a large fan-out is cut into chunks, one of which runs here and the rest on the
     * writer threads, so that the sockets of one message are written in parallel and the delivering thread
     * is back soon. Frames that arrive for a session before its write starts go out in the same write.
     */
    void flush(List<ManagedWebSocketSession> ready) {
        int size = ready.size();
        if (size <= INLINE_FLUSH) {
            ready.forEach(ManagedWebSocketSession::flush);
            return;
        }
        int parts = writers.getCorePoolSize() + 1;
        int chunk = Math.min(MAX_FLUSH_CHUNK, Math.max(INLINE_FLUSH, (size + parts - 1) / parts));
        for (int from = chunk; from < size; from += chunk) {
            List<ManagedWebSocketSession> part = ready.subList(from, Math.min(size, from + chunk));
            writers.execute(() -> part.forEach(ManagedWebSocketSession::flush));
        }
        ready.subList(0, chunk).forEach(ManagedWebSocketSession::flush);
    }

    void closeLater(ManagedWebSocketSession session, @Nullable CloseStatus status) {
        CloseStatus close = status != null ? status : CloseStatus.NORMAL;
        try {
            closer.execute(() -> session.closeNow(close));
        } catch (RejectedExecutionException e) {
            session.closeNow(close); // shutting down
        }
    }

    void closeLater(ManagedWebSocketSession session, CloseStatus status, String why) {
        LOG.info("Closing session " + session.getId() + " of " + session.clientId() + ": " + status.getReason()
                + ", " + why);
        closeLater(session, status);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (ManagedWebSocketSession session : writing) {
            long since = session.writingSince();
            if (since == 0) { // idle since the last round: dropped, unless a write was claimed meanwhile
                session.swept.set(false);
                writing.remove(session);
                if (session.writingSince() != 0) {
                    writing(session);
                }
                continue;
            }
            if (now - since > sendTimeLimitNanos) {
                session.abort(ManagedWebSocketSession.TOO_SLOW, "one write has waited longer than "
                        + Duration.ofNanos(sendTimeLimitNanos) + " (" + session.waitingBytes() + " bytes behind it)");
            }
        }
    }

    /** Stops the sweep and the closer threads. */
    @Override
    public void close() {
        sweep.cancel(false);
        writers.shutdown();
        closer.shutdown();
    }
}
