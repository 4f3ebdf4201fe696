package lab.yujian.core.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.Recovery;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.SequenceRange;
import lab.yujian.protocol.json.DataEncoding;

/**
 * History in Redis, shared by every node: per channel a capped stream of the encoded DATA messages
 * (entry id {@code <sequence>-0}) and a meta hash with the sequence and the epoch. One Lua script per
 * append assigns the sequence, completes the bytes, writes the stream and keeps the epoch, atomically, so
 * nodes appending at once get distinct, gap-free sequences.
 *
 * <p>The epoch changes when the meta hash is lost (a flush, a failover without persistence, a channel
 * idle for a day): the stream starts again at 1 under a new random epoch, and a client that syncs across
 * it gets {@code recovered:false} with {@code EPOCH_CHANGED}. A channel nobody published on is at
 * sequence 0 in epoch {@value #NO_EPOCH}, and reading it writes nothing.
 *
 * <p>Keys: {@code <prefix>:h:{<channel>}:s} and {@code <prefix>:h:{<channel>}:m}. The stream lives for
 * {@code maxAge} after the channel's last publish; the meta hash for {@link #META_TTL}.
 */
public final class RedisHistoryStore implements HistoryStore {

    /** The epoch of a channel that has no history yet. */
    public static final String NO_EPOCH = "0";
    /** How long a channel's sequence and epoch outlive its last publish. */
    public static final Duration META_TTL = Duration.ofDays(1);

    private static final RedisScript APPEND = RedisScript.load("history-append");
    private static final RedisScript READ = RedisScript.load("history-read");
    private static final byte[] AFTER = RedisScript.arg("after");
    private static final byte[] LATEST = RedisScript.arg("latest");

    private final RedisConnector redis;
    private final HistoryConfig config;
    private final Clock clock;

    public RedisHistoryStore(RedisConnector redis, HistoryConfig config, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private byte[][] keys(String channel) {
        return new byte[][] {redis.key("h", "{" + channel + "}", "s"), redis.key("h", "{" + channel + "}", "m")};
    }

    @Override
    public Published append(String channel, Publication publication) {
        String newEpoch = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        List<Object> result = APPEND.run(redis.sync(), ScriptOutputType.MULTI, keys(channel), publication.prefix(),
                RedisScript.arg(publication.timestamp()), RedisScript.arg(config.maxSize(channel)),
                RedisScript.arg(config.maxAge(channel).toMillis()), RedisScript.arg(META_TTL.toMillis()),
                RedisScript.arg(newEpoch));
        long sequence = (Long) result.get(0);
        String epoch = text(result.get(1));
        return new Published(channel, sequence, epoch, publication.timestamp(),
                DataEncoding.complete(publication.prefix(), sequence, epoch));
    }

    @Override
    public StreamPosition position(String channel) {
        List<byte[]> meta = values(redis.sync().hmget(keys(channel)[1], RedisScript.arg("seq"),
                RedisScript.arg("epoch")));
        return position(meta);
    }

    @Override
    public List<StreamPosition> positions(List<String> channels) {
        RedisAsyncCommands<byte[], byte[]> async = redis.connection().async();
        List<RedisFuture<List<KeyValue<byte[], byte[]>>>> futures = new ArrayList<>(channels.size());
        for (String channel : channels) {
            futures.add(async.hmget(keys(channel)[1], RedisScript.arg("seq"), RedisScript.arg("epoch")));
        }
        if (!LettuceFutures.awaitAll(10, TimeUnit.SECONDS, futures.toArray(new RedisFuture[0]))) {
            throw new IllegalStateException("Redis did not answer " + channels.size() + " position reads in time");
        }
        List<StreamPosition> positions = new ArrayList<>(channels.size());
        for (RedisFuture<List<KeyValue<byte[], byte[]>>> future : futures) {
            try {
                positions.add(position(values(future.get())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted reading positions", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Redis refused a position read: " + e.getCause().getMessage(), e);
            }
        }
        return positions;
    }

    @Override
    public Recovery recover(String channel, long lastSequence, @Nullable String epoch) {
        Read read = read(channel, AFTER, lastSequence, 0);
        StreamPosition current = read.position;
        if (read.empty) {
            return lastSequence == 0 ? Recovery.recovered(List.of(), current)
                    : Recovery.failed(RecoveryFailure.EPOCH_CHANGED, current, null);
        }
        boolean epochMatches = lastSequence == 0 || epoch == null || epoch.equals(current.epoch());
        if (!epochMatches || lastSequence > current.sequence()) {
            return Recovery.failed(RecoveryFailure.EPOCH_CHANGED, current, range(1, current.sequence()));
        }
        long firstKept = read.messages.isEmpty() ? current.sequence() + 1 : read.messages.get(0).sequence();
        if (firstKept > lastSequence + 1) {
            return Recovery.failed(RecoveryFailure.TRIMMED, current, range(lastSequence + 1, firstKept - 1));
        }
        return Recovery.recovered(read.messages, current);
    }

    @Override
    public Snapshot latest(String channel, int limit) {
        Read read = read(channel, LATEST, 0, limit);
        List<Published> ascending = new ArrayList<>(read.messages);
        Collections.reverse(ascending);
        return new Snapshot(ascending, read.position);
    }

    private Read read(String channel, byte[] mode, long after, int limit) {
        long cutoff = clock.millis() - config.maxAge(channel).toMillis();
        List<Object> result = READ.run(redis.sync(), ScriptOutputType.MULTI, keys(channel), RedisScript.arg(after),
                RedisScript.arg(cutoff), mode, RedisScript.arg(limit));
        if (result.get(1) == null) {
            return new Read(new StreamPosition(0, NO_EPOCH), List.of(), true);
        }
        StreamPosition position = new StreamPosition((Long) result.get(0), text(result.get(1)));
        List<Published> messages = new ArrayList<>((result.size() - 2) / 3);
        for (int i = 2; i + 2 < result.size(); i += 3) {
            String id = text(result.get(i));
            long sequence = Long.parseLong(id.substring(0, id.indexOf('-')));
            byte[] data = (byte[]) result.get(i + 1);
            long timestamp = Long.parseLong(text(result.get(i + 2)));
            messages.add(new Published(channel, sequence, DataEncoding.epochOf(data), timestamp, data));
        }
        return new Read(position, messages, false);
    }

    private record Read(StreamPosition position, List<Published> messages, boolean empty) {
    }

    private static StreamPosition position(List<byte[]> meta) {
        if (meta.get(1) == null) {
            return new StreamPosition(0, NO_EPOCH);
        }
        return new StreamPosition(Long.parseLong(text(meta.get(0))), text(meta.get(1)));
    }

    private static List<byte[]> values(List<KeyValue<byte[], byte[]>> pairs) {
        List<byte[]> values = new ArrayList<>(pairs.size());
        for (KeyValue<byte[], byte[]> pair : pairs) {
            values.add(pair.hasValue() ? pair.getValue() : null);
        }
        return values;
    }

    private static String text(Object value) {
        return new String((byte[]) value, StandardCharsets.UTF_8);
    }

    private static @Nullable SequenceRange range(long from, long to) {
        return to < from ? null : new SequenceRange(from, to);
    }
}
