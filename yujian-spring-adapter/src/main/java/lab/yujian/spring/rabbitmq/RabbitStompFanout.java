package lab.yujian.spring.rabbitmq;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.Published;
import lab.yujian.protocol.json.DataEncoding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.NoOpLog;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;

/**
 * A {@link Fanout} over RabbitMQ's STOMP plugin: the multiplexing relay. Each node holds exactly two STOMP
 * connections, one publishing and one consuming, because RabbitMQ stops reading a publisher under flow
 * control and must not stall delivery with it. The consuming connection holds one subscription per
 * channel ({@code /exchange/amq.topic/<prefix>.c.<channel>}, an exclusive auto-delete queue that the
 * UNSUBSCRIBE or a lost connection deletes), one for this node's control messages
 * ({@code /exchange/amq.direct/<prefix>.n.<node>}) and one for broadcasts; each is {@code ack:client}
 * with a bounded {@code prefetch-count}, acknowledged cumulatively after the handler returned.
 *
 * <p>A publication travels as the stored bytes ({@link Published#data()}, which carry sequence and
 * epoch) with the timestamp in the {@code yujian-ts} header. {@link #publish} drops what it cannot write
 * now (disconnected, or too many writes pending): the message is in history, and nodes fill it from
 * there after {@link BrokerHandler#reconnected()}. Not for a single node: use the in-memory broker there.
 */
public final class RabbitStompFanout implements Fanout {

    private static final Log LOG = LogFactory.getLog(RabbitStompFanout.class);
    private static final String TIMESTAMP = "yujian-ts";
    /** The client ids a publication excludes, comma-separated (client ids hold no comma); absent for none. */
    private static final String EXCLUDED = "yujian-excluded";
    private static final String PROBE = "yujian-probe";
    private static final int MAX_PENDING_WRITES = 10_000;

    private final RabbitStompConfig config;
    private final String nodeId;
    private final RoutingKeys keys;
    private final ReactorNettyTcpClient<byte[]> client;
    private final StompLink publisher;
    private final StompLink consumer;
    private final Subscriptions subscriptions;
    private final ScheduledExecutorService timer;
    private final Map<String, CompletableFuture<Void>> probes = new ConcurrentHashMap<>();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final CompletableFuture<Void> firstLive = new CompletableFuture<>();
    private volatile BrokerHandler handler;
    private volatile boolean closed;

    /** Starts connecting both connections at once, without waiting; see {@link #awaitConnected}. */
    public RabbitStompFanout(RabbitStompConfig config, String nodeId) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.keys = new RoutingKeys(config.prefix());
        String nodeDestination = keys.nodeDestination(nodeId); // validates the node id before anything is sent
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "yujian-rabbitmq-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        this.client = new ReactorNettyTcpClient<>(tcp -> tcp.host(config.host()).port(config.port())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis()),
                new StompReactorNettyCodec());
        client.setLogger(new NoOpLog()); // our links log one line per drop instead of its stack traces
        this.publisher = new StompLink("publishing", config, new StompLink.Listener() { }, client, timer);
        this.consumer = new StompLink("consuming", config, new Consuming(), client, timer);
        this.subscriptions = new Subscriptions(consumer, keys, nodeDestination, config.prefetch());
        publisher.start();
        consumer.start();
        timer.scheduleWithFixedDelay(subscriptions::flushAcks, 100, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until both connections are up the first time, with this node's control subscriptions live;
     * false after {@code timeout}.
     */
    public boolean awaitConnected(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!publisher.awaitConnected(deadline)) {
            return false;
        }
        try {
            firstLive.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Why the last connection attempt failed, for a startup error. */
    public String lastFailure() {
        return consumer.up() ? publisher.lastFailure() : consumer.lastFailure();
    }

    @Override
    public void start(BrokerHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void publish(Published publication) {
        String destination;
        try {
            destination = keys.channelDestination(publication.channel());
        } catch (IllegalArgumentException e) {
            LOG.warn("Not fanned out (other nodes read it from history): " + e.getMessage());
            return;
        }
        StompHeaderAccessor headers = send(destination);
        headers.setNativeHeader(TIMESTAMP, Long.toString(publication.timestamp()));
        if (!publication.excluded().isEmpty()) {
            headers.setNativeHeader(EXCLUDED, String.join(",", publication.excluded()));
        }
        write(headers, publication.data());
    }

    @Override
    public void subscribe(String channel) {
        subscriptions.subscribe(channel, handler != null);
    }

    @Override
    public void unsubscribe(String channel) {
        subscriptions.unsubscribe(channel);
    }

    @Override
    public void sendControl(String nodeId, byte[] message) {
        write(send(keys.nodeDestination(nodeId)), message);
    }

    @Override
    public void broadcastControl(byte[] message) {
        write(send(keys.broadcastDestination()), message);
    }

    /** True only while both connections are up. */
    @Override
    public boolean connected() {
        return publisher.up() && consumer.up();
    }

    /**
     * A readiness probe: publishes to this node's own control destination and waits for it to come back
     * through RabbitMQ. True if it did within {@code timeout}.
     */
    public boolean roundTrip(Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> back = new CompletableFuture<>();
        probes.put(id, back);
        try {
            StompHeaderAccessor headers = send(keys.nodeDestination(nodeId));
            headers.setNativeHeader(PROBE, id);
            if (!write(headers, new byte[0])) {
                return false;
            }
            back.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            probes.remove(id);
        }
    }

    /** Publications and control messages dropped so far because RabbitMQ was down or behind. */
    public long dropped() {
        return dropped.get();
    }

    private static StompHeaderAccessor send(String destination) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SEND);
        headers.setDestination(destination);
        return headers;
    }

    /** Never blocks: a bounded number of writes may wait in Netty for a RabbitMQ that stopped reading. */
    private boolean write(StompHeaderAccessor headers, byte[] body) {
        if (pendingWrites.incrementAndGet() > MAX_PENDING_WRITES
                || !publisher.send(headers, body, 0, pendingWrites::decrementAndGet)) {
            pendingWrites.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The consuming connection's frames, on its event-loop thread. */
    private final class Consuming implements StompLink.Listener {

        @Override
        public void connected(StompLink link, long generation, boolean again) {
            CompletableFuture<Void> live = subscriptions.resubscribe(generation);
            live.thenRun(() -> firstLive.complete(null));
            if (again) {
                live.thenRunAsync(() -> {
                    BrokerHandler current = handler;
                    if (current != null) {
                        current.reconnected();
                    }
                }, timer).exceptionally(failure -> null);
            }
        }

        @Override
        public void message(StompLink link, StompHeaderAccessor headers, byte[] body) {
            try {
                deliver(headers, body);
            } catch (RuntimeException e) {
                LOG.warn("Dropped a message on " + headers.getDestination() + ": " + e);
            } finally {
                String ack = headers.getFirstNativeHeader("ack");
                subscriptions.delivered(ack != null ? ack : headers.getMessageId());
            }
        }

        private void deliver(StompHeaderAccessor headers, byte[] body) {
            String probe = headers.getFirstNativeHeader(PROBE);
            if (probe != null) {
                CompletableFuture<Void> waiting = probes.get(probe);
                if (waiting != null) {
                    waiting.complete(null);
                }
                return;
            }
            BrokerHandler current = handler;
            if (current == null) {
                return;
            }
            String channel = keys.channelOf(headers.getDestination());
            if (channel == null) {
                current.control(body);
                return;
            }
            String timestamp = headers.getFirstNativeHeader(TIMESTAMP);
            String excluded = headers.getFirstNativeHeader(EXCLUDED);
            current.publication(new Published(channel, DataEncoding.sequenceOf(body), DataEncoding.epochOf(body),
                    timestamp == null ? 0 : Long.parseLong(timestamp), body,
                    excluded == null || excluded.isEmpty() ? java.util.Set.of() : java.util.Set.of(excluded.split(","))));
        }
    }

    /**
     * Stops reconnecting and sends DISCONNECT with a receipt on both connections (waiting at most 2 s each);
     * the client's event loop then stops in the background (Netty's quiet period is 2 s).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumer.disconnect(Duration.ofSeconds(2));
        publisher.disconnect(Duration.ofSeconds(2));
        timer.shutdownNow();
        client.shutdownAsync().whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("The STOMP client did not shut down cleanly: " + failure);
            }
        });
    }

    @Override
    public String toString() {
        return "RabbitStompFanout[" + nodeId + " at " + config.address() + "]";
    }
}
