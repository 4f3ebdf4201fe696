package lab.yujian.spring.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.yujian.protocol.CloseCode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a stopping node's sessions go. When the context closes (SIGTERM), before Spring's STOMP handlers
 * and Tomcat stop (this is the last phase to start, so the first to stop), new handshakes are refused
 * with 503 and the open sessions are closed with 1012 (service restart), one after another, spread evenly
 * over the drain window: their clients reconnect to the other nodes a few at a time instead of all at
 * once. Each session is closed after the frames already queued for it are written, and is handed over
 * ({@link lab.yujian.core.Hub#handOver}): its presence stays under this node's lease, so a user who
 * reconnects elsewhere within the lease never shows as offline.
 */
public final class StompDrain implements SmartLifecycle, HandshakeInterceptor {

    /** The close a drained session gets. */
    public static final CloseStatus RESTART = new CloseStatus(CloseCode.SERVICE_RESTART.code(), "Node restarting");
    /** Stops before everything else that a phase orders, Spring's STOMP handlers and the web server included. */
    public static final int PHASE = Integer.MAX_VALUE;
    private static final Log LOG = LogFactory.getLog(StompDrain.class);
    /** How long the drain waits, after its last close, for the closes to complete. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final StompSessions sessions;
    private final Duration window;
    private volatile boolean running;
    private volatile boolean draining;

    public StompDrain(StompSessions sessions, Duration window) {
        this.sessions = sessions;
        this.window = window;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (draining) {
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            response.getHeaders().set("Retry-After", "1");
            return false;
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    @Override
    public void stop() {
        drain();
    }

    /** Drains on a thread of its own; the context waits for it up to its shutdown-phase timeout. */
    @Override
    public void stop(Runnable callback) {
        Thread thread = new Thread(() -> {
            try {
                drain();
            } finally {
                callback.run();
            }
        }, "yujian-drain");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Whether new sessions are refused. */
    public boolean draining() {
        return draining;
    }

    private void drain() {
        draining = true;
        List<StompSession> open = new ArrayList<>(sessions.all());
        LOG.info("Stopping: closing " + open.size() + " sessions (1012) over " + window);
        long start = System.nanoTime();
        long windowNanos = window.toNanos();
        int count = open.size();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + windowNanos * i / count;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sessions.handOver(open.get(i), RESTART);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Sessions whose handshake was under way when the drain began, and any the loop did not reach
        List.copyOf(sessions.all()).forEach(session -> sessions.handOver(session, RESTART));
        long settled = System.nanoTime() + SETTLE_NANOS;
        while (sessions.size() > 0 && System.nanoTime() < settled && !Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }
}
