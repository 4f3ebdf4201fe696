package lab.yujian.core.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.SequenceRange;

/**
 * History in this process's memory. Each channel's stream has its own lock; appends on different channels
 * never contend. A new epoch is drawn for each stream when it is first used, so a restarted node tells its
 * clients that their sequences are void.
 *
 * <p>Use it for a single node only: with several nodes, each would number the same channel on its own.
 */
public final class InMemoryHistoryStore implements HistoryStore {

    private final HistoryConfig config;
    private final Clock clock;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    public InMemoryHistoryStore(HistoryConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public StreamPosition append(String channel, Publication publication) {
        Stream stream = stream(channel);
        synchronized (stream) {
            stream.trim(clock.instant(), config);
            StreamPosition position = new StreamPosition(stream.sequence + 1, stream.epoch);
            stream.entries.addLast(new Entry(publication.toData(channel, position), clock.instant()));
            stream.sequence = position.sequence();
            stream.trim(clock.instant(), config);
            return position;
        }
    }

    @Override
    public StreamPosition position(String channel) {
        Stream stream = stream(channel);
        synchronized (stream) {
            return new StreamPosition(stream.sequence, stream.epoch);
        }
    }

    @Override
    public Recovery recover(String channel, long lastSequence, @Nullable String epoch) {
        Stream stream = stream(channel);
        synchronized (stream) {
            stream.trim(clock.instant(), config);
            StreamPosition current = new StreamPosition(stream.sequence, stream.epoch);
            if ((epoch != null && !epoch.equals(stream.epoch)) || lastSequence > stream.sequence) {
                return Recovery.failed(RecoveryFailure.EPOCH_CHANGED, current, range(1, stream.sequence));
            }
            long oldest = stream.entries.isEmpty() ? stream.sequence + 1 : stream.entries.getFirst().data.sequence();
            if (oldest > lastSequence + 1) {
                return Recovery.failed(RecoveryFailure.TRIMMED, current, range(lastSequence + 1, oldest - 1));
            }
            List<DataMessage> missed = new ArrayList<>();
            for (Entry entry : stream.entries) {
                if (entry.data.sequence() > lastSequence) {
                    missed.add(entry.data);
                }
            }
            return Recovery.recovered(missed, current);
        }
    }

    @Override
    public Snapshot latest(String channel, int limit) {
        Stream stream = stream(channel);
        synchronized (stream) {
            stream.trim(clock.instant(), config);
            List<DataMessage> newest = new ArrayList<>(Math.min(limit, stream.entries.size()));
            Iterator<Entry> backwards = stream.entries.descendingIterator();
            while (backwards.hasNext() && newest.size() < limit) {
                newest.add(0, backwards.next().data);
            }
            return new Snapshot(newest, new StreamPosition(stream.sequence, stream.epoch));
        }
    }

    private Stream stream(String channel) {
        return streams.computeIfAbsent(channel, name -> new Stream(newEpoch()));
    }

    private static String newEpoch() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private static @Nullable SequenceRange range(long from, long to) {
        return to < from ? null : new SequenceRange(from, to);
    }

    private record Entry(DataMessage data, Instant storedAt) {
    }

    private static final class Stream {
        final String epoch;
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long sequence;

        Stream(String epoch) {
            this.epoch = epoch;
        }

        void trim(Instant now, HistoryConfig config) {
            while (entries.size() > config.maxSize()) {
                entries.removeFirst();
            }
            Instant cutoff = now.minus(config.maxAge());
            while (!entries.isEmpty() && entries.getFirst().storedAt.isBefore(cutoff)) {
                entries.removeFirst();
            }
        }
    }
}
