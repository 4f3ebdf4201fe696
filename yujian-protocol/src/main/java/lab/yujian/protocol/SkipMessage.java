package lab.yujian.protocol;

/**
 * {@code SKIP}: stands in for a {@link DataMessage} that this subscription is not to receive (its session
 * was excluded from the publish, or the message does not match the subscription's filter). It travels on
 * {@code /topic/<channel>} in the DATA's place, so the client advances its sequence instead of seeing a
 * gap; history keeps the DATA, so a sync returns it.
 *
 * @param channel  the channel name
 * @param sequence the sequence of the DATA it stands for
 * @param epoch    the epoch of that DATA, so that a client compares positions as it does for DATA
 */
public record SkipMessage(String channel, long sequence, String epoch) implements ServerMessage {
    public SkipMessage {
        Fields.require(channel, "channel");
        Fields.require(epoch, "epoch");
    }
}
