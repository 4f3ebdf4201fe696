package lab.yujian.core.history;

import java.util.Objects;
import lab.yujian.protocol.json.DataEncoding;

/**
 * A position in a channel's stream. The epoch names one incarnation of the stream: when history is lost
 * (a store restarted without persistence, a key expired) the stream starts again under a new epoch, and
 * old sequence numbers mean nothing in it. That is what stops a client from silently skipping messages.
 *
 * @param sequence the last assigned sequence; 0 for a stream with no messages yet
 * @param epoch    the stream's epoch
 */
public record StreamPosition(long sequence, String epoch) {
    public StreamPosition {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        Objects.requireNonNull(epoch, "epoch");
        DataEncoding.checkEpoch(epoch);
    }
}
