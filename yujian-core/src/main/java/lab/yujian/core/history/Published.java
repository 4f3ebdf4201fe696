package lab.yujian.core.history;

import java.util.Objects;

/**
 * A message as history keeps it and the wire carries it: its position and its one encoding, the complete
 * DATA bytes. The same array serves history, the broker and every socket; nobody changes it.
 *
 * @param channel   the channel
 * @param sequence  its sequence in the channel, from 1
 * @param epoch     the stream's epoch when it was appended
 * @param timestamp when it was published, in epoch milliseconds
 * @param data      the encoded DATA message; not copied
 */
public record Published(String channel, long sequence, String epoch, long timestamp, byte[] data) {

    public Published {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
    }

    /** Its position. */
    public StreamPosition position() {
        return new StreamPosition(sequence, epoch);
    }

    @Override
    public String toString() {
        return "Published[" + channel + " #" + sequence + " @" + epoch + ", " + data.length + " bytes]";
    }
}
