package lab.yujian.core.history;

import java.util.List;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.Nullable;

/**
 * Per-channel history of published messages.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #append} assigns the next sequence of the channel (starting at 1) and stores the message
 *       in one atomic step per channel: concurrent appends get distinct, gap-free sequences.</li>
 *   <li>A channel's epoch is fixed for as long as its history survives; a store that loses a channel's
 *       history must continue under a new epoch.</li>
 *   <li>History is bounded by {@link HistoryConfig#maxSize()} and {@link HistoryConfig#maxAge()}; older
 *       messages are trimmed and {@link #recover} reports them as {@code TRIMMED}.</li>
 * </ul>
 * Implementations are thread-safe. No lock may span more than one channel.
 */
public interface HistoryStore {

    /** Stores a publication under the channel's next sequence and returns that position. */
    StreamPosition append(String channel, Publication publication);

    /** The channel's current position; a channel never published on is at sequence 0. */
    StreamPosition position(String channel);

    /**
     * Every message after {@code lastSequence}, ascending, when history still holds all of them and the
     * epoch matches. Otherwise {@code recovered=false} with the reason: {@code EPOCH_CHANGED} when
     * {@code epoch} is given and differs or {@code lastSequence} is beyond the stream, {@code TRIMMED} when
     * the oldest kept message is newer than {@code lastSequence + 1}.
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
     * Messages read together with the position at the time of reading.
     *
     * @param messages ascending
     * @param position the stream position when they were read
     */
    record Snapshot(List<DataMessage> messages, StreamPosition position) {
        public Snapshot {
            messages = List.copyOf(messages);
        }
    }
}
