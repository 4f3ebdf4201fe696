package lab.yujian.protocol;

import java.util.List;

/**
 * {@code SUBSCRIBE}: asks to join between 1 and {@value #MAX_CHANNELS} channels. On STOMP each channel is
 * its own SUBSCRIBE frame to {@code /topic/<channel>}; this record is the seed's batched form.
 *
 * @param channels channel names; unknown names fail one by one in {@link SubscribedMessage#failed()}
 */
public record SubscribeMessage(List<String> channels) implements ClientMessage {

    /** The seed's cap on channels in one SUBSCRIBE. */
    public static final int MAX_CHANNELS = 10;

    public SubscribeMessage {
        channels = Fields.requireSize(channels, 1, MAX_CHANNELS, "channels");
    }
}
