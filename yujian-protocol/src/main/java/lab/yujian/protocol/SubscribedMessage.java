package lab.yujian.protocol;

import java.util.List;

/**
 * {@code SUBSCRIBED}: the answer to a subscription, on the session's reply queue.
 *
 * @param channels  the channels joined
 * @param failed    the channels refused, each with its reason
 * @param timestamp server clock in epoch milliseconds
 * @param conflated the channels joined with {@code max-rate}: they deliver at most that many DATA per second,
 *                  the latest, with its real sequence, so their sequences jump and a client must not take a
 *                  jump as a gap; absent when none is
 */
public record SubscribedMessage(List<String> channels, List<SubscriptionFailure> failed, long timestamp,
                                @Nullable List<String> conflated) implements ServerMessage {
    public SubscribedMessage {
        channels = List.copyOf(Fields.require(channels, "channels"));
        failed = List.copyOf(Fields.require(failed, "failed"));
        conflated = conflated == null ? null : List.copyOf(conflated);
    }

    /** An answer with no conflated subscription. */
    public SubscribedMessage(List<String> channels, List<SubscriptionFailure> failed, long timestamp) {
        this(channels, failed, timestamp, null);
    }
}
