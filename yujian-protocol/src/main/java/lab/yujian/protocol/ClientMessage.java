package lab.yujian.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message a client sends. The JSON {@code type} field selects the record; on STOMP the destination
 * selects it too ({@code /app/publish} takes {@link PublishMessage}, and so on).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PingMessage.class, name = "PING"),
    @JsonSubTypes.Type(value = SubscribeMessage.class, name = "SUBSCRIBE"),
    @JsonSubTypes.Type(value = UnsubscribeMessage.class, name = "UNSUBSCRIBE"),
    @JsonSubTypes.Type(value = PublishMessage.class, name = "PUBLISH"),
    @JsonSubTypes.Type(value = SyncRequestMessage.class, name = "REQUEST_SYNC"),
    @JsonSubTypes.Type(value = PresenceUpdateMessage.class, name = "PRESENCE_UPDATE"),
})
public sealed interface ClientMessage
        permits PingMessage, SubscribeMessage, UnsubscribeMessage, PublishMessage, SyncRequestMessage,
        PresenceUpdateMessage {
}
