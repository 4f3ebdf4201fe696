package lab.yujian.protocol;

/**
 * {@code REQUEST_SYNC}: asks for every broadcast on a channel after {@code lastSequence}, answered with
 * {@link SyncResponseMessage}.
 *
 * @param channel      the channel name
 * @param lastSequence the last sequence the client applied; 0 if it has none
 * @param epoch        the epoch that sequence belongs to; when given and no longer current, the answer says
 *                     {@code recovered:false}
 */
public record SyncRequestMessage(String channel, Long lastSequence, @Nullable String epoch)
        implements ClientMessage {
    public SyncRequestMessage {
        Fields.requireText(channel, "channel");
        Fields.nonNegative(Fields.require(lastSequence, "lastSequence"), "lastSequence");
        Fields.maxLength(epoch, 64, "epoch");
    }
}
