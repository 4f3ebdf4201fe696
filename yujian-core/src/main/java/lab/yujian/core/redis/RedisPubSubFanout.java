package lab.yujian.core.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.Published;
import lab.yujian.protocol.json.DataEncoding;

/**
 * A {@link Fanout} over Redis pub/sub: one Redis channel per channel ({@code <prefix>:f:c:<channel>}),
 * one per node for control messages and one for all nodes. A publication travels as its timestamp, the
 * client ids it excludes (comma-separated; client ids hold no comma) and the stored bytes. Every node subscribes on one pub/sub
 * connection of its own and publishes on the shared command connection, without waiting for the answer.
 * Redis pub/sub keeps nothing for a node that is disconnected: a node that reconnects subscribes again
 * and reads what it missed from history ({@link BrokerHandler#reconnected()}).
 *
 * <p>It stands in for the RabbitMQ relay where a deployment has Redis only; the relay is the cluster
 * mode's fan-out.
 */
public final class RedisPubSubFanout implements Fanout {

    private static final System.Logger LOG = System.getLogger(RedisPubSubFanout.class.getName());

    private final RedisConnector redis;
    private final String nodeId;
    private final String channelPrefix;
    private final StatefulRedisPubSubConnection<byte[], byte[]> pubsub;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile BrokerHandler handler;

    public RedisPubSubFanout(RedisConnector redis, String nodeId) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.channelPrefix = redis.prefix() + ":f:c:";
        this.pubsub = redis.connectPubSub();
    }

    @Override
    public void start(BrokerHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
                received(new String(channel, StandardCharsets.UTF_8), message);
            }
        });
        ((RedisChannelHandler<?, ?>) pubsub).addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                // Not on Lettuce's event loop, which the subscribe commands need free
                Thread thread = new Thread(RedisPubSubFanout.this::resubscribe, "yujian-redis-resubscribe-" + nodeId);
                thread.setDaemon(true);
                thread.start();
            }
        });
        pubsub.sync().subscribe(key("f", "n", nodeId), key("f", "all"));
    }

    private void received(String redisChannel, byte[] message) {
        BrokerHandler current = handler;
        try {
            if (redisChannel.startsWith(channelPrefix)) {
                ByteBuffer buffer = ByteBuffer.wrap(message);
                long timestamp = buffer.getLong();
                byte[] ids = new byte[buffer.getInt()];
                buffer.get(ids);
                byte[] data = new byte[buffer.remaining()];
                buffer.get(data);
                current.publication(new Published(redisChannel.substring(channelPrefix.length()),
                        DataEncoding.sequenceOf(data), DataEncoding.epochOf(data), timestamp, data, excludedOf(ids)));
            } else {
                current.control(message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped a message on " + redisChannel + ": " + e);
        }
    }

    private void resubscribe() {
        try {
            pubsub.sync().subscribe(key("f", "n", nodeId), key("f", "all"));
            for (String channel : channels) {
                pubsub.sync().subscribe(key("f", "c", channel));
            }
            LOG.log(Level.INFO, "Redis fan-out of node " + nodeId + " connected again with " + channels.size()
                    + " channels");
            handler.reconnected();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Resubscribing after a reconnect failed; the next reconnect tries again: " + e);
        }
    }

    @Override
    public void publish(Published publication) {
        byte[] ids = String.join(",", publication.excluded()).getBytes(StandardCharsets.UTF_8);
        byte[] message = ByteBuffer.allocate(12 + ids.length + publication.data().length).putLong(publication.timestamp())
                .putInt(ids.length).put(ids).put(publication.data()).array();
        redis.connection().async().publish(key("f", "c", publication.channel()), message);
    }

    @Override
    public void subscribe(String channel) {
        channels.add(channel);
        try {
            pubsub.sync().subscribe(key("f", "c", channel));
        } catch (RuntimeException e) { // disconnected: subscribed on reconnect
            LOG.log(Level.DEBUG, "Subscribing to " + channel + " waits for Redis: " + e);
        }
    }

    @Override
    public void unsubscribe(String channel) {
        channels.remove(channel);
        try {
            pubsub.async().unsubscribe(key("f", "c", channel));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Unsubscribing from " + channel + " failed; the reconnect forgets it: " + e);
        }
    }

    @Override
    public void sendControl(String nodeId, byte[] message) {
        redis.connection().async().publish(key("f", "n", nodeId), message);
    }

    @Override
    public void broadcastControl(byte[] message) {
        redis.connection().async().publish(key("f", "all"), message);
    }

    @Override
    public boolean connected() {
        return pubsub.isOpen() && redis.isConnected();
    }

    private static Set<String> excludedOf(byte[] ids) {
        return ids.length == 0 ? Set.of() : Set.of(new String(ids, StandardCharsets.UTF_8).split(","));
    }

    private byte[] key(String... parts) {
        return redis.key(parts);
    }

    @Override
    public void close() {
        pubsub.close();
    }
}
