package lab.yujian.protocol;

import java.util.List;

/**
 * {@code BATCH}: several {@link DataMessage}s of one channel in sequence order, sent instead of single
 * DATA on channels configured for batching.
 *
 * @param channel  the channel name
 * @param messages the DATA messages, in ascending sequence
 */
public record BatchMessage(String channel, List<DataMessage> messages) implements ServerMessage {
    public BatchMessage {
        Fields.require(channel, "channel");
        messages = List.copyOf(Fields.require(messages, "messages"));
    }
}
