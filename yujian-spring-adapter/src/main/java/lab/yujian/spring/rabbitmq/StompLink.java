package lab.yujian.spring.rabbitmq;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.messaging.tcp.TcpConnection;
import org.springframework.messaging.tcp.TcpConnectionHandler;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;

/**
 * One STOMP connection to RabbitMQ, reconnected forever with a {@link Backoff}: it sends CONNECT with the
 * vhost as {@code host}, keeps the negotiated heart-beats, and counts a generation per CONNECTED so that
 * nothing meant for an earlier connection (an ACK) reaches a later one.
 *
 * <p>It schedules its reconnects itself rather than through {@code connectAsync(handler, strategy)}: that
 * asks its strategy for the next delay when a connection starts (always as attempt 1), so after a drop it
 * reconnects at once, even while the link is being closed.
 */
final class StompLink implements TcpConnectionHandler<byte[]> {

    private static final Log LOG = LogFactory.getLog(RabbitStompFanout.class);
    private static final byte[] HEARTBEAT = {(byte) '\n'};

    /** What the fan-out hears from its link, on the link's event-loop thread; nothing by default. */
    interface Listener {
        /** CONNECTED arrived: connection {@code generation} is up, {@code again} after the first. */
        default void connected(StompLink link, long generation, boolean again) {
        }

        default void message(StompLink link, StompHeaderAccessor headers, byte[] body) {
        }
    }

    private final String name;
    private final RabbitStompConfig config;
    private final Listener listener;
    private final ReactorNettyTcpClient<byte[]> client;
    private final ScheduledExecutorService timer;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private final CompletableFuture<Void> firstConnected = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> receipts = new ConcurrentHashMap<>();
    private final AtomicLong receiptIds = new AtomicLong();
    private volatile TcpConnection<byte[]> tcp;
    private volatile long generation; // 0 while not STOMP-connected
    private long generations;
    private volatile long upSince;
    private volatile String lastFailure = "no answer yet";
    private volatile boolean closing;

    StompLink(String name, RabbitStompConfig config, Listener listener, ReactorNettyTcpClient<byte[]> client,
              ScheduledExecutorService timer) {
        this.name = name;
        this.config = config;
        this.listener = listener;
        this.client = client;
        this.timer = timer;
    }

    /** Starts connecting; every failure or loss schedules the next attempt, until {@link #disconnect}. */
    void start() {
        if (!closing) {
            client.connectAsync(this);
        }
    }

    private void reconnectLater() {
        if (closing) {
            return;
        }
        try {
            timer.schedule(this::start, backoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // closed meanwhile
            LOG.debug("Not reconnecting the " + name + " connection: closed");
        }
    }

    boolean up() {
        return generation != 0;
    }

    long generation() {
        return generation;
    }

    String lastFailure() {
        return lastFailure;
    }

    boolean awaitConnected(long deadlineNanos) {
        try {
            firstConnected.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends a frame if the connection of {@code expectedGeneration} (0: any) is up; false when it is not. */
    boolean send(StompHeaderAccessor headers, byte[] body, long expectedGeneration, Runnable whenWritten) {
        TcpConnection<byte[]> connection = tcp;
        long current = generation;
        if (connection == null || current == 0 || (expectedGeneration != 0 && expectedGeneration != current)) {
            return false;
        }
        headers.setLeaveMutable(true);
        Message<byte[]> message = MessageBuilder.createMessage(body, headers.getMessageHeaders());
        CompletableFuture<Void> written = connection.sendAsync(message);
        if (whenWritten != null) {
            written.whenComplete((ok, failure) -> whenWritten.run());
        }
        return true;
    }

    /** Sends a frame with a receipt; the future completes when RabbitMQ has processed it (and every frame before). */
    CompletableFuture<Void> sendWithReceipt(StompHeaderAccessor headers, long expectedGeneration) {
        String id = name + "-r" + receiptIds.incrementAndGet();
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        receipts.put(id, receipt);
        headers.setReceipt(id);
        if (!send(headers, new byte[0], expectedGeneration, null)) {
            receipts.remove(id);
            receipt.completeExceptionally(new IllegalStateException("RabbitMQ is not connected"));
        }
        return receipt;
    }

    @Override
    public void afterConnected(TcpConnection<byte[]> connection) {
        if (closing) { // a connect that was under way when the link closed
            connection.close();
            return;
        }
        tcp = connection;
        StompHeaderAccessor connect = StompHeaderAccessor.create(StompCommand.CONNECT);
        connect.setAcceptVersion("1.2");
        connect.setHost(config.virtualHost());
        connect.setLogin(config.login());
        connect.setPasscode(config.passcode());
        long beat = config.heartbeat().toMillis();
        connect.setHeartbeat(beat, beat);
        connection.sendAsync(MessageBuilder.createMessage(new byte[0], connect.getMessageHeaders()));
        try {
            timer.schedule(() -> abandonIfSilent(connection), config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // closing
            connection.close();
        }
    }

    /** A server that accepted the TCP connection but did not answer CONNECT (not STOMP, or hung) is left. */
    private void abandonIfSilent(TcpConnection<byte[]> connection) {
        if (tcp == connection && generation == 0) {
            lastFailure = "no CONNECTED frame within " + config.connectTimeout().toMillis() + " ms";
            connection.close();
        }
    }

    @Override
    public void afterConnectFailure(Throwable failure) {
        lastFailure = oneLine(failure);
        LOG.debug("RabbitMQ STOMP " + name + " connection to " + config.address() + " failed: " + lastFailure);
        reconnectLater();
    }

    @Override
    public void handleMessage(Message<byte[]> message) {
        StompHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (headers == null) {
            headers = StompHeaderAccessor.wrap(message);
        }
        if (headers.isHeartbeat()) {
            return;
        }
        StompCommand command = headers.getCommand();
        if (command == StompCommand.MESSAGE) {
            listener.message(this, headers, message.getPayload());
        } else if (command == StompCommand.CONNECTED) {
            connected(headers);
        } else if (command == StompCommand.RECEIPT) {
            CompletableFuture<Void> receipt = receipts.remove(headers.getReceiptId());
            if (receipt != null) {
                receipt.complete(null);
            }
        } else if (command == StompCommand.ERROR) {
            String body = new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8).strip();
            error(headers.getMessage() + (body.isEmpty() ? "" : " (" + body.lines().findFirst().orElse("") + ")"));
        }
    }

    /** RabbitMQ closes the connection after an ERROR; the same ERROR again (a refused login, retried) is not logged. */
    private void error(String message) {
        String failure = "ERROR " + message;
        if (!failure.equals(lastFailure)) {
            LOG.warn("RabbitMQ sent ERROR on the " + name + " connection to " + config.address()
                    + ", which it closes now: " + message);
        }
        lastFailure = failure;
    }

    private void connected(StompHeaderAccessor headers) {
        TcpConnection<byte[]> connection = tcp;
        long[] server = headers.getHeartbeat(); // what the server sends, what it wants
        long beat = config.heartbeat().toMillis();
        if (server[1] > 0) {
            connection.onWriteInactivity(this::beat, Math.max(beat, server[1]));
        }
        if (server[0] > 0) {
            connection.onReadInactivity(connection::close, 3 * Math.max(beat, server[0]));
        }
        boolean again = firstConnected.isDone();
        synchronized (this) {
            generation = ++generations;
        }
        upSince = System.nanoTime();
        lastFailure = "closed by the broker or the network";
        if (again) {
            LOG.info("RabbitMQ STOMP " + name + " connection to " + config.address() + " is up again");
        }
        listener.connected(this, generation, again);
        firstConnected.complete(null);
    }

    private void beat() {
        TcpConnection<byte[]> connection = tcp;
        if (connection != null) {
            connection.sendAsync(MessageBuilder.createMessage(HEARTBEAT,
                    StompHeaderAccessor.createForHeartbeat().getMessageHeaders()));
        }
    }

    @Override
    public void handleFailure(Throwable failure) {
        lastFailure = oneLine(failure);
        LOG.debug("RabbitMQ STOMP " + name + " connection failed: " + lastFailure);
    }

    @Override
    public void afterConnectionClosed() {
        boolean wasUp = generation != 0;
        generation = 0;
        tcp = null;
        receipts.values().forEach(r -> r.completeExceptionally(new IllegalStateException("connection closed")));
        receipts.clear();
        if (wasUp && !closing) {
            Duration upFor = Duration.ofNanos(System.nanoTime() - upSince);
            backoff.dropped(upFor);
            LOG.info("RabbitMQ STOMP " + name + " connection to " + config.address() + " was lost after "
                    + upFor.toMillis() / 1000.0 + " s (" + lastFailure + "); reconnecting");
        }
        reconnectLater();
    }

    /** A failure's message for a log or startup line: its first line only. */
    private static String oneLine(Throwable failure) {
        String text = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        return text.strip().lines().findFirst().orElse(failure.getClass().getSimpleName());
    }

    /** DISCONNECT with a receipt, waiting at most {@code timeout}; then the TCP connection is closed. */
    void disconnect(Duration timeout) {
        closing = true;
        if (up()) {
            try {
                sendWithReceipt(StompHeaderAccessor.create(StompCommand.DISCONNECT), 0)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("No RECEIPT for DISCONNECT on the " + name + " connection: " + e);
            }
        }
        TcpConnection<byte[]> connection = tcp;
        if (connection != null) {
            connection.close();
        }
    }
}
