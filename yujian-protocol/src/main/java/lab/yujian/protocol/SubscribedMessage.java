package lab.yujian.protocol;

import java.util.List;

/**
 * {@code SUBSCRIBED}: the answer to a subscription, on the session's reply queue.
 *
 * @param channels  the channels joined
 * @param failed    the channels refused, each with its reason
 * @param timestamp server clock in epoch milliseconds
 */
public record SubscribedMessage(List<String> channels, List<SubscriptionFailure> failed, long timestamp)
        implements ServerMessage {
    public SubscribedMessage {
        channels = List.copyOf(Fields.require(channels, "channels"));
        failed = List.copyOf(Fields.require(failed, "failed"));
    }
}
