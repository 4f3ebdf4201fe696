package lab.yujian.protocol;

import java.util.List;

/**
 * {@code UNSUBSCRIBE}: leaves channels. On STOMP this is an UNSUBSCRIBE frame.
 *
 * @param channels at least one channel name
 */
public record UnsubscribeMessage(List<String> channels) implements ClientMessage {
    public UnsubscribeMessage {
        channels = Fields.requireSize(channels, 1, SubscribeMessage.MAX_CHANNELS, "channels");
    }
}
