package lab.yujian.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message the server sends. Broadcasts ({@link DataMessage}, {@link BatchMessage}, {@link SkipMessage}) travel on
 * {@code /topic/<channel>}; every other type is a per-session reply on {@code /user/queue/replies}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConnectedMessage.class, name = "CONNECTED"),
    @JsonSubTypes.Type(value = PongMessage.class, name = "PONG"),
    @JsonSubTypes.Type(value = SubscribedMessage.class, name = "SUBSCRIBED"),
    @JsonSubTypes.Type(value = UnsubscribedMessage.class, name = "UNSUBSCRIBED"),
    @JsonSubTypes.Type(value = DataMessage.class, name = "DATA"),
    @JsonSubTypes.Type(value = BatchMessage.class, name = "BATCH"),
    @JsonSubTypes.Type(value = InitialDataMessage.class, name = "INITIAL_DATA"),
    @JsonSubTypes.Type(value = SyncResponseMessage.class, name = "SYNC_RESPONSE"),
    @JsonSubTypes.Type(value = ErrorMessage.class, name = "ERROR"),
    @JsonSubTypes.Type(value = NoticeMessage.class, name = "NOTICE"),
    @JsonSubTypes.Type(value = SkipMessage.class, name = "SKIP"),
})
public sealed interface ServerMessage
        permits ConnectedMessage, PongMessage, SubscribedMessage, UnsubscribedMessage, DataMessage,
        BatchMessage, InitialDataMessage, SyncResponseMessage, ErrorMessage, NoticeMessage, SkipMessage {
}
