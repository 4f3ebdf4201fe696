package lab.yujian.protocol;

import tools.jackson.databind.JsonNode;

/**
 * {@code DATA}: one broadcast on a channel. Sequences rise by one per channel; within one epoch a client
 * that sees a gap asks for a sync, and a client that sees a sequence it already applied drops it.
 *
 * @param channel   the channel name
 * @param payload   the channel's payload
 * <p>The components are in the order they are encoded, position last, so that a message can be encoded
 * once before its position is known and completed by whoever assigns it
 * ({@link lab.yujian.protocol.json.DataEncoding}).
 *
 * @param sender    who published it
 * @param timestamp server clock at publish, in epoch milliseconds
 * @param sequence  the channel's sequence number of this message, starting at 1
 * @param epoch     the channel's stream epoch; it changes when history was lost
 */
public record DataMessage(String channel, JsonNode payload, Sender sender, long timestamp, long sequence,
                          String epoch) implements ServerMessage {
    public DataMessage {
        Fields.require(channel, "channel");
        Fields.require(payload, "payload");
        Fields.require(sender, "sender");
        Fields.require(epoch, "epoch");
    }
}
