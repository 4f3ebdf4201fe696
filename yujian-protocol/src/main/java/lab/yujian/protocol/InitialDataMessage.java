package lab.yujian.protocol;

import tools.jackson.databind.JsonNode;

/**
 * {@code INITIAL_DATA}: a channel's current state, sent after {@code SUBSCRIBED} and after a sync that
 * could not recover. It reflects at least every DATA up to {@code sequence}; the client drops DATA with a
 * sequence at or below it.
 *
 * @param channel   the channel name
 * @param payload   the state: for {@code presence} a list of presence payloads, for {@code metrics} the
 *                  latest samples, for {@code announcements} the active announcements, for
 *                  {@code activity} the recent entries
 * @param sequence  the channel's sequence when the state was read
 * @param epoch     the channel's current epoch
 * @param timestamp server clock in epoch milliseconds
 */
public record InitialDataMessage(String channel, JsonNode payload, long sequence, String epoch, long timestamp)
        implements ServerMessage {
    public InitialDataMessage {
        Fields.require(channel, "channel");
        Fields.require(payload, "payload");
        Fields.require(epoch, "epoch");
    }
}
