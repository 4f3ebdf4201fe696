package lab.yujian.spring.rabbitmq;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * The consuming connection's subscriptions and acknowledgements. The channels asked for outlive a
 * connection; the subscription ids live on one connection (its generation) and are sent again, all of
 * them, on every CONNECTED. One lock orders SUBSCRIBE and UNSUBSCRIBE frames, so that an id is never
 * subscribed twice on a connection (RabbitMQ would close it).
 *
 * <p>RabbitMQ's {@code ack:client} is cumulative over the whole connection (one AMQP channel), so only
 * the newest delivered message is acknowledged: every few messages, or by the timer.
 */
final class Subscriptions {

    private static final Log LOG = LogFactory.getLog(RabbitStompFanout.class);
    private static final long SUBSCRIBE_WAIT_SECONDS = 5;

    private final StompLink link;
    private final RoutingKeys keys;
    private final String nodeDestination;
    private final int prefetch;
    private final int ackEvery;
    private final Set<String> channels = new LinkedHashSet<>();
    private final Map<String, String> live = new LinkedHashMap<>(); // channel to subscription id
    private long liveGeneration;
    private long ids;
    private final Object ackLock = new Object();
    private String lastDelivered;
    private int unacknowledged;
    private long ackGeneration;

    Subscriptions(StompLink link, RoutingKeys keys, String nodeDestination, int prefetch) {
        this.link = link;
        this.keys = keys;
        this.nodeDestination = nodeDestination;
        this.prefetch = prefetch;
        this.ackEvery = Math.max(1, prefetch / 4);
    }

    /** Subscribes, and waits (bounded) until RabbitMQ confirmed it when {@code wait}; at once if disconnected. */
    void subscribe(String channel, boolean wait) {
        String destination = keys.channelDestination(channel); // refuses a bad name before anything is sent
        CompletableFuture<Void> receipt;
        synchronized (this) {
            if (!channels.add(channel)) {
                return;
            }
            receipt = subscribeLive(channel, destination, true);
        }
        if (wait) {
            try {
                receipt.get(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) { // disconnected: the reconnect subscribes it
                LOG.debug("Subscribing to " + channel + " waits for RabbitMQ: " + e);
            }
        }
    }

    synchronized void unsubscribe(String channel) {
        channels.remove(channel);
        String id = live.remove(channel);
        if (id != null) {
            StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.UNSUBSCRIBE);
            headers.setSubscriptionId(id);
            link.send(headers, new byte[0], liveGeneration, null);
        }
    }

    /** On CONNECTED: subscribes everything again; completes when RabbitMQ has processed every SUBSCRIBE. */
    synchronized CompletableFuture<Void> resubscribe(long generation) {
        live.clear();
        liveGeneration = generation;
        subscribeFrame("node", nodeDestination, false);
        // RabbitMQ handles a connection's frames in order: the last SUBSCRIBE's receipt follows all of them
        CompletableFuture<Void> done = subscribeFrame("all", keys.broadcastDestination(), channels.isEmpty());
        int left = channels.size();
        for (String channel : channels) {
            CompletableFuture<Void> receipt = subscribeLive(channel, keys.channelDestination(channel), --left == 0);
            done = left == 0 ? receipt : done;
        }
        return done;
    }

    private CompletableFuture<Void> subscribeLive(String channel, String destination, boolean receipt) {
        if (liveGeneration == 0 || liveGeneration != link.generation()) {
            return CompletableFuture.completedFuture(null);
        }
        String id = "c" + (++ids);
        live.put(channel, id);
        return subscribeFrame(id, destination, receipt);
    }

    private CompletableFuture<Void> subscribeFrame(String id, String destination, boolean receipt) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        headers.setSubscriptionId(id);
        headers.setDestination(destination);
        headers.setNativeHeader("ack", "client");
        headers.setNativeHeader("prefetch-count", Integer.toString(prefetch));
        if (receipt) {
            return link.sendWithReceipt(headers, liveGeneration);
        }
        link.send(headers, new byte[0], liveGeneration, null);
        return CompletableFuture.completedFuture(null);
    }

    /** A MESSAGE was handed to the handler; called on the consuming connection's thread. */
    void delivered(String ackId) {
        synchronized (ackLock) {
            long generation = link.generation();
            if (generation != ackGeneration) {
                ackGeneration = generation;
                unacknowledged = 0;
            }
            lastDelivered = ackId;
            if (++unacknowledged >= ackEvery) {
                flushAcks();
            }
        }
    }

    /** Acknowledges everything delivered so far. */
    void flushAcks() {
        synchronized (ackLock) {
            if (unacknowledged == 0 || lastDelivered == null) {
                return;
            }
            StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.ACK);
            headers.setNativeHeader("id", lastDelivered);
            link.send(headers, new byte[0], ackGeneration, null);
            unacknowledged = 0;
        }
    }
}
