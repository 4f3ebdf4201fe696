package lab.yujian.core.history;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.SequenceRange;
import lab.yujian.protocol.json.DataEncoding;

/**
 * History in this process's memory. Each channel's stream has its own lock; appends on different channels
 * never contend. The store draws a random base epoch when it is created, so a restarted node tells its
 * clients that their sequences are void; each stream it creates gets an epoch of its own under that base
 * ({@code <base>-<n>}), so a channel that was forgotten and published on again never reuses an epoch.
 *
 * <p>Use it for a single node only: with several nodes, each would number the same channel on its own.
 */
public final class InMemoryHistoryStore implements HistoryStore {

    private final HistoryConfig config;
    private final Clock clock;
    private final String baseEpoch = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final AtomicLong streamsCreated = new AtomicLong();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    public InMemoryHistoryStore(HistoryConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Published append(String channel, Publication publication) {
        while (true) {
            Stream stream = streams.computeIfAbsent(channel,
                    name -> new Stream(baseEpoch + "-" + Long.toString(streamsCreated.incrementAndGet(), 36),
                            config.maxSize(name), config.maxAge(name).toMillis()));
            synchronized (stream) {
                if (stream.forgotten) {
                    continue; // forgotten between the lookup and the lock: use the stream that replaces it
                }
                long sequence = stream.sequence + 1;
                Published stored = new Published(channel, sequence, stream.epoch, publication.timestamp(),
                        DataEncoding.complete(publication.prefix(), sequence, stream.epoch));
                stream.entries.addLast(stored);
                stream.sequence = sequence;
                stream.trim(clock.millis());
                return stored;
            }
        }
    }

    @Override
    public StreamPosition position(String channel) {
        Stream stream = streams.get(channel);
        if (stream == null) {
            return new StreamPosition(0, baseEpoch);
        }
        synchronized (stream) {
            return stream.position();
        }
    }

    @Override
    public Recovery recover(String channel, long lastSequence, @Nullable String epoch) {
        Stream stream = streams.get(channel);
        if (stream == null) {
            StreamPosition empty = new StreamPosition(0, baseEpoch);
            return lastSequence == 0 ? Recovery.recovered(List.of(), empty)
                    : Recovery.failed(RecoveryFailure.EPOCH_CHANGED, empty, null); // beyond an empty stream
        }
        synchronized (stream) {
            stream.trim(clock.millis());
            StreamPosition current = stream.position();
            boolean epochMatches = lastSequence == 0 || epoch == null || epoch.equals(stream.epoch);
            if (!epochMatches || lastSequence > stream.sequence) {
                return Recovery.failed(RecoveryFailure.EPOCH_CHANGED, current, range(1, stream.sequence));
            }
            long oldest = stream.entries.isEmpty() ? stream.sequence + 1 : stream.entries.getFirst().sequence();
            if (oldest > lastSequence + 1) {
                return Recovery.failed(RecoveryFailure.TRIMMED, current, range(lastSequence + 1, oldest - 1));
            }
            List<Published> missed = new ArrayList<>();
            for (Published entry : stream.entries) {
                if (entry.sequence() > lastSequence) {
                    missed.add(entry);
                }
            }
            return Recovery.recovered(missed, current);
        }
    }

    @Override
    public Snapshot latest(String channel, int limit) {
        Stream stream = streams.get(channel);
        if (stream == null) {
            return new Snapshot(List.of(), new StreamPosition(0, baseEpoch));
        }
        synchronized (stream) {
            stream.trim(clock.millis());
            List<Published> newest = new ArrayList<>(Math.min(limit, stream.entries.size()));
            Iterator<Published> backwards = stream.entries.descendingIterator();
            while (backwards.hasNext() && newest.size() < limit) {
                newest.add(0, backwards.next());
            }
            return new Snapshot(newest, stream.position());
        }
    }

    @Override
    public int forgetIdle(Predicate<String> inUse) {
        int forgotten = 0;
        long now = clock.millis();
        for (Map.Entry<String, Stream> entry : streams.entrySet()) {
            Stream stream = entry.getValue();
            synchronized (stream) {
                stream.trim(now);
                if (stream.entries.isEmpty() && !inUse.test(entry.getKey())) {
                    stream.forgotten = true;
                    streams.remove(entry.getKey(), stream);
                    forgotten++;
                }
            }
        }
        return forgotten;
    }

    /** Number of channels held, for tests and metrics. */
    public int channelCount() {
        return streams.size();
    }

    private static @Nullable SequenceRange range(long from, long to) {
        return to < from ? null : new SequenceRange(from, to);
    }

    private static final class Stream {
        final String epoch;
        final int maxSize;
        final long maxAgeMillis;
        final ArrayDeque<Published> entries = new ArrayDeque<>();
        long sequence;
        boolean forgotten;

        Stream(String epoch, int maxSize, long maxAgeMillis) {
            this.epoch = epoch;
            this.maxSize = maxSize;
            this.maxAgeMillis = maxAgeMillis;
        }

        StreamPosition position() {
            return new StreamPosition(sequence, epoch);
        }

        void trim(long now) {
            while (entries.size() > maxSize) {
                entries.removeFirst();
            }
            long cutoff = now - maxAgeMillis;
            while (!entries.isEmpty() && entries.getFirst().timestamp() < cutoff) {
                entries.removeFirst();
            }
        }
    }
}
