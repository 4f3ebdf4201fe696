package lab.yujian.protocol;

import java.util.List;

/**
 * {@code UNSUBSCRIBED}: confirms that channels were left.
 *
 * @param channels  the channels left
 * @param timestamp server clock in epoch milliseconds
 */
public record UnsubscribedMessage(List<String> channels, long timestamp) implements ServerMessage {
    public UnsubscribedMessage {
        channels = List.copyOf(Fields.require(channels, "channels"));
    }
}
