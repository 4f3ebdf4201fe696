package lab.yujian.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lab.yujian.protocol.Nullable;

/**
 * Per-channel history of published messages: the one authority on a channel's sequence.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #append} assigns the channel's next sequence (starting at 1), completes the DATA bytes
 *       with that position and stores them, in one atomic step per channel, even when several nodes
 *       append at once: concurrent appends get distinct, gap-free sequences, and no counter can drift
 *       from what is stored.</li>
 *   <li>A channel's epoch is fixed for as long as its history survives. A store that loses a channel's
 *       history (a restart without persistence, a flush, an idle channel forgotten) continues it under a
 *       new epoch, never one used before, and from sequence 1.</li>
 *   <li>History is bounded by {@link HistoryConfig#maxSize()} and {@link HistoryConfig#maxAge()}; older
 *       messages are trimmed and {@link #recover} reports them as {@code TRIMMED}.</li>
 *   <li>Reads of a channel nobody published on create nothing: such a channel is at sequence 0, in the
 *       store's base epoch.</li>
 * </ul>
 * Implementations are thread-safe; no lock spans more than one channel. A store that cannot answer
 * (its server is down) throws a runtime exception, which callers report as {@code SERVICE_UNAVAILABLE}.
 */
public interface HistoryStore {

    /** Stores a publication under the channel's next sequence and returns it as stored. */
    Published append(String channel, Publication publication);

    /** The channel's current position; a channel never published on is at sequence 0. */
    StreamPosition position(String channel);

    /**
     * The positions of several channels, in the order given; one round trip where the store allows.
     */
    default List<StreamPosition> positions(List<String> channels) {
        List<StreamPosition> positions = new ArrayList<>(channels.size());
        for (String channel : channels) {
            positions.add(position(channel));
        }
        return positions;
    }

    /**
     * Every message after {@code lastSequence}, ascending, when history still holds all of them and the
     * epoch matches. Otherwise {@code recovered=false} with the reason: {@code EPOCH_CHANGED} when
     * {@code epoch} is given and differs or {@code lastSequence} is beyond the stream, {@code TRIMMED} when
     * the oldest kept message is newer than {@code lastSequence + 1}. A {@code lastSequence} of 0 has seen
     * nothing, so its epoch is not checked: it recovers every message of the current epoch still held.
     *
     * @param epoch the epoch {@code lastSequence} belongs to; null skips the epoch check
     */
    Recovery recover(String channel, long lastSequence, @Nullable String epoch);

    /**
     * The newest messages of the channel, ascending, at most {@code limit}, together with the position
     * they were read at (the last message's, or the stream's when it is empty).
     */
    Snapshot latest(String channel, int limit);

    /**
     * Forgets channels whose every message has been trimmed and that are not {@code inUse}, so that
     * channels nobody uses any more cost nothing. A forgotten channel continues under a new epoch. Walks
     * all channels: for maintenance, not per message. Stores that expire channels by themselves (Redis)
     * return 0.
     *
     * @return how many channels were forgotten
     */
    default int forgetIdle(Predicate<String> inUse) {
        return 0;
    }

    /**
     * Messages read together with the position at the time of reading.
     *
     * @param messages ascending
     * @param position the stream position when they were read
     */
    record Snapshot(List<Published> messages, StreamPosition position) {
        public Snapshot {
            messages = List.copyOf(messages);
        }
    }
}
