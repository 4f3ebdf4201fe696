package lab.yujian.core.history;

import java.util.Objects;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.Sender;
import tools.jackson.databind.JsonNode;

/**
 * What is published, before the store gives it a position.
 *
 * @param payload   the validated payload
 * @param sender    who published it
 * @param timestamp when, in epoch milliseconds
 */
public record Publication(JsonNode payload, Sender sender, long timestamp) {
    public Publication {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(sender, "sender");
    }

    /** The DATA message for this publication at a position. */
    public DataMessage toData(String channel, StreamPosition position) {
        return new DataMessage(channel, payload, sender, position.sequence(), position.epoch(), timestamp);
    }
}
