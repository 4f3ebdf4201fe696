package lab.yujian.core.history;

import java.util.Objects;
import java.util.Set;

/**
 * A message as history keeps it and the wire carries it: its position and its one encoding, the complete
 * DATA bytes. The same array serves history, the broker and every socket; nobody changes it.
 *
 * @param channel   the channel
 * @param sequence  its sequence in the channel, from 1
 * @param epoch     the stream's epoch when it was appended
 * @param timestamp when it was published, in epoch milliseconds
 * @param data      the encoded DATA message; not copied
 * @param excluded  client ids of sessions that get a {@code SKIP} in its place, from
 *                  {@link Publication#excluded()}; for delivery only: history does not keep it. A cluster's
 *                  fan-out carries it to the other nodes, each of which skips its own sessions among them
 */
public record Published(String channel, long sequence, String epoch, long timestamp, byte[] data,
                        Set<String> excluded) {

    public Published {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(data, "data");
        excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
    }

    /** A message that excludes nobody. */
    public Published(String channel, long sequence, String epoch, long timestamp, byte[] data) {
        this(channel, sequence, epoch, timestamp, data, Set.of());
    }

    /** The same message, delivered on this node with a SKIP to these sessions instead of the DATA. */
    public Published excluding(Set<String> clientIds) {
        return clientIds.isEmpty() && excluded.isEmpty() ? this
                : new Published(channel, sequence, epoch, timestamp, data, clientIds);
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
