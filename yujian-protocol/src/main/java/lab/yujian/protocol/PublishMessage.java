package lab.yujian.protocol;

import tools.jackson.databind.JsonNode;

/**
 * {@code PUBLISH}: asks the server to broadcast a payload on a channel. The payload must be the channel's
 * payload type (see {@code lab.yujian.protocol.payload}); the server adds sender, sequence, epoch and
 * timestamp and broadcasts a {@link DataMessage}.
 *
 * @param channel the channel name
 * @param payload the payload; JSON {@code null} counts as missing
 */
public record PublishMessage(String channel, JsonNode payload) implements ClientMessage {
    public PublishMessage {
        Fields.requireText(channel, "channel");
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            throw ProtocolException.missing("payload");
        }
    }
}
