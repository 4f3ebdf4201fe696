package lab.yujian.core.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import lab.yujian.protocol.Nullable;

/**
 * One Redis server as the Redis stores share it: a Lettuce client, one multiplexed connection for
 * commands (thread-safe; every store uses it), and pub/sub connections on demand. Every key a store
 * writes starts with the key prefix, so that several deployments or test runs can share one server.
 *
 * <p>Failing fast is deliberate: while the server is unreachable, commands are refused at once instead
 * of queueing (a publish must answer {@code SERVICE_UNAVAILABLE}, not hang), and every command times out
 * after {@code timeout}. Lettuce reconnects by itself; the stores need no restart.
 */
public final class RedisConnector implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final String prefix;

    private RedisConnector(RedisClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
    }

    /**
     * Connects to a server.
     *
     * @param uri       a Redis URI such as {@code redis://127.0.0.1:6379} (or {@code rediss://} for TLS)
     * @param password  the password, or null when the URI carries it or none is needed
     * @param keyPrefix the prefix of every key, such as {@code yujian}; letters, digits, '-', '_', '.', ':'
     * @param timeout   how long one command may take
     * @throws io.lettuce.core.RedisConnectionException if the server cannot be reached now
     */
    public static RedisConnector connect(String uri, @Nullable String password, String keyPrefix, Duration timeout) {
        Objects.requireNonNull(uri, "uri");
        if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("keyPrefix must be 1 to 64 letters, digits, '_', '.', ':' or '-', was '"
                    + keyPrefix + "'");
        }
        RedisURI redisUri = RedisURI.create(uri);
        if (password != null && !password.isEmpty()) {
            redisUri.setPassword(password.toCharArray());
        }
        redisUri.setTimeout(timeout);
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .build());
        try {
            return new RedisConnector(client, keyPrefix);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** The shared command connection. */
    StatefulRedisConnection<byte[], byte[]> connection() {
        return connection;
    }

    /** Synchronous commands on the shared connection. */
    RedisCommands<byte[], byte[]> sync() {
        return connection.sync();
    }

    /** A new pub/sub connection; the caller closes it. */
    StatefulRedisPubSubConnection<byte[], byte[]> connectPubSub() {
        return client.connectPubSub(ByteArrayCodec.INSTANCE);
    }

    /** A key under the prefix. */
    byte[] key(String... parts) {
        return String.join(":", prefix, String.join(":", parts)).getBytes(StandardCharsets.UTF_8);
    }

    /** The key prefix. */
    public String prefix() {
        return prefix;
    }

    /** Whether the command connection is up now. */
    public boolean isConnected() {
        return connection.isOpen();
    }

    /** Checks the server answers, for readiness probes; throws if it does not. */
    public void ping() {
        connection.sync().ping();
    }

    /** Deletes every key under the prefix (for tests and tools; walks the keyspace with SCAN). */
    public long deleteAll() {
        io.lettuce.core.ScanArgs args = io.lettuce.core.ScanArgs.Builder.matches(prefix + ":*").limit(500);
        long deleted = 0;
        io.lettuce.core.KeyScanCursor<byte[]> cursor = sync().scan(args);
        while (true) {
            if (!cursor.getKeys().isEmpty()) {
                deleted += sync().del(cursor.getKeys().toArray(new byte[0][]));
            }
            if (cursor.isFinished()) {
                return deleted;
            }
            cursor = sync().scan(cursor, args);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
