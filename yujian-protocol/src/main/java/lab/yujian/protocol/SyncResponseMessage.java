package lab.yujian.protocol;

import java.util.List;

/**
 * {@code SYNC_RESPONSE}: the answer to {@link SyncRequestMessage}.
 *
 * <p>When {@code recovered} is true, {@code messages} holds every DATA after the requested sequence, in
 * order. When false, {@code reason} says why and {@code missing} names the sequences that cannot be
 * returned; a fresh {@link InitialDataMessage} follows.
 *
 * @param channel         the channel name
 * @param messages        the recovered DATA, ascending; empty when nothing was missed or not recovered
 * @param currentSequence the channel's latest sequence
 * @param epoch           the channel's current epoch
 * @param recovered       whether {@code messages} closes the gap completely
 * @param reason          why not, when {@code recovered} is false
 * @param missing         the unrecoverable range, when {@code recovered} is false and it is not empty
 * @param timestamp       server clock in epoch milliseconds
 * @param skipped         for a filtered subscription, the sequences after the requested one whose DATA
 *                        did not match the filter and so is left out of {@code messages}; a client takes
 *                        them as applied. Absent for unfiltered subscriptions
 */
public record SyncResponseMessage(String channel, List<DataMessage> messages, long currentSequence, String epoch,
                                  boolean recovered, @Nullable RecoveryFailure reason,
                                  @Nullable SequenceRange missing, long timestamp, @Nullable List<Long> skipped)
        implements ServerMessage {
    public SyncResponseMessage {
        Fields.require(channel, "channel");
        messages = List.copyOf(Fields.require(messages, "messages"));
        Fields.require(epoch, "epoch");
        skipped = skipped == null ? null : List.copyOf(skipped);
    }

    /** A response for an unfiltered subscription. */
    public SyncResponseMessage(String channel, List<DataMessage> messages, long currentSequence, String epoch,
                               boolean recovered, @Nullable RecoveryFailure reason, @Nullable SequenceRange missing,
                               long timestamp) {
        this(channel, messages, currentSequence, epoch, recovered, reason, missing, timestamp, null);
    }
}
