package lab.yujian.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribeMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Priority;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageCodecTest {

    private final MessageCodec codec = MessageCodec.create();

    @Test
    void decodesEachClientMessageByItsType() {
        assertThat(decode("{\"type\":\"PING\",\"timestamp\":5}")).isEqualTo(new PingMessage(5L));
        assertThat(decode("{\"type\":\"SUBSCRIBE\",\"channels\":[\"presence\",\"metrics\"]}"))
                .isEqualTo(new SubscribeMessage(List.of("presence", "metrics")));
        SyncRequestMessage sync = (SyncRequestMessage) decode(
                "{\"type\":\"REQUEST_SYNC\",\"channel\":\"activity\",\"lastSequence\":7,\"epoch\":\"e1\"}");
        assertThat(sync.lastSequence()).isEqualTo(7L);
        assertThat(sync.epoch()).isEqualTo("e1");
    }

    @Test
    void invalidJsonIsAnInvalidMessage() {
        assertRefused(() -> decode("{\"type\":\"PING\","), ErrorCode.INVALID_MESSAGE, null);
        assertRefused(() -> decode("not json"), ErrorCode.INVALID_MESSAGE, null);
        assertRefused(() -> codec.decodeClient(new byte[0]), ErrorCode.INVALID_MESSAGE, null);
    }

    @Test
    void aBodyThatIsNotAnObjectIsAnInvalidMessage() {
        assertRefused(() -> decode("[1,2]"), ErrorCode.INVALID_MESSAGE, null);
        assertRefused(() -> decode("\"PING\""), ErrorCode.INVALID_MESSAGE, null);
    }

    @Test
    void duplicateKeysAreAnInvalidMessage() {
        assertRefused(() -> decode("{\"type\":\"PING\",\"timestamp\":1,\"timestamp\":2}"),
                ErrorCode.INVALID_MESSAGE, null);
    }

    @Test
    void anUnknownTypeIsAnInvalidType() {
        assertRefused(() -> decode("{\"type\":\"SHOUT\"}"), ErrorCode.INVALID_TYPE, "type");
    }

    @Test
    void aMissingTypeIsAMissingField() {
        assertRefused(() -> decode("{\"timestamp\":1}"), ErrorCode.MISSING_FIELD, "type");
    }

    @Test
    void aMissingRequiredFieldIsAMissingFieldNamingIt() {
        assertRefused(() -> decode("{\"type\":\"PUBLISH\",\"payload\":{}}"), ErrorCode.MISSING_FIELD, "channel");
        assertRefused(() -> decode("{\"type\":\"REQUEST_SYNC\",\"channel\":\"activity\"}"),
                ErrorCode.MISSING_FIELD, "lastSequence");
        assertRefused(() -> decode("{\"type\":\"PUBLISH\",\"channel\":\"activity\",\"payload\":null}"),
                ErrorCode.MISSING_FIELD, "payload");
    }

    @Test
    void moreThanTenChannelsInOneSubscribeIsAnInvalidMessage() {
        String eleven = "\"presence\",".repeat(10) + "\"metrics\"";
        assertRefused(() -> decode("{\"type\":\"SUBSCRIBE\",\"channels\":[" + eleven + "]}"),
                ErrorCode.INVALID_MESSAGE, "channels");
        assertRefused(() -> decode("{\"type\":\"SUBSCRIBE\",\"channels\":[]}"), ErrorCode.INVALID_MESSAGE, "channels");
    }

    @Test
    void aFieldOfTheWrongShapeIsAnInvalidMessageNamingIt() {
        assertRefused(() -> decode("{\"type\":\"PING\",\"timestamp\":\"soon\"}"), ErrorCode.INVALID_MESSAGE, "timestamp");
        assertRefused(() -> decode("{\"type\":\"PING\",\"timestamp\":1.5}"), ErrorCode.INVALID_MESSAGE, "timestamp");
        assertRefused(() -> decode("{\"type\":\"PRESENCE_UPDATE\",\"status\":\"sleeping\"}"),
                ErrorCode.INVALID_MESSAGE, "status");
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertRefused(() -> decode("{\"type\":\"REQUEST_SYNC\",\"channel\":\"activity\",\"lastSequence\":-1}"),
                ErrorCode.INVALID_MESSAGE, "lastSequence");
        assertRefused(() -> decode("{\"type\":\"PRESENCE_UPDATE\",\"status\":\"offline\"}"),
                ErrorCode.INVALID_MESSAGE, "status");
        assertRefused(() -> decode("{\"type\":\"PRESENCE_UPDATE\",\"status\":\"away\",\"location\":\""
                + "x".repeat(121) + "\"}"), ErrorCode.INVALID_MESSAGE, "location");
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        assertThat(decode("{\"type\":\"PING\",\"timestamp\":5,\"client\":\"v2\"}")).isEqualTo(new PingMessage(5L));
    }

    @Test
    void aDestinationSuppliesTheTypeWhenTheBodyHasNone() {
        PingMessage ping = codec.decodeClient("{\"timestamp\":9}".getBytes(UTF_8), PingMessage.class);
        assertThat(ping.timestamp()).isEqualTo(9L);
    }

    @Test
    void aBodyWhoseTypeDisagreesWithTheDestinationIsAnInvalidType() {
        assertRefused(() -> codec.decodeClient("{\"type\":\"PING\",\"timestamp\":9}".getBytes(UTF_8),
                PublishMessage.class), ErrorCode.INVALID_TYPE, null);
    }

    @Test
    void payloadsAreValidatedAsTheirChannelsRecordUnderPayload() {
        JsonNode noTitle = tree("{\"id\":\"a1\",\"priority\":\"high\",\"content\":\"c\","
                + "\"author\":{\"userId\":\"u1\",\"name\":\"Ada\"},\"timestamp\":\"2026-02-02T09:30:00Z\"}");
        assertRefused(() -> codec.readPayload(Channel.ANNOUNCEMENTS, noTitle), ErrorCode.MISSING_FIELD, "payload.title");

        JsonNode noAuthorId = tree("{\"id\":\"a1\",\"priority\":\"high\",\"title\":\"t\",\"content\":\"c\","
                + "\"author\":{\"name\":\"Ada\"},\"timestamp\":\"2026-02-02T09:30:00Z\"}");
        assertRefused(() -> codec.readPayload(Channel.ANNOUNCEMENTS, noAuthorId),
                ErrorCode.MISSING_FIELD, "payload.author.userId");

        JsonNode badTime = tree("{\"id\":\"a1\",\"priority\":\"high\",\"title\":\"t\",\"content\":\"c\","
                + "\"author\":{\"userId\":\"u1\",\"name\":\"Ada\"},\"timestamp\":\"yesterday\"}");
        assertRefused(() -> codec.readPayload(Channel.ANNOUNCEMENTS, badTime),
                ErrorCode.INVALID_MESSAGE, "payload.timestamp");
    }

    @Test
    void aValidPayloadBecomesItsRecord() {
        JsonNode valid = tree("{\"id\":\"a1\",\"priority\":\"urgent\",\"title\":\"Fire drill\",\"content\":\"11:00\","
                + "\"author\":{\"userId\":\"u1\",\"name\":\"Ada\"},\"timestamp\":\"2026-02-02T09:30:00Z\"}");
        AnnouncementPayload payload = (AnnouncementPayload) codec.readPayload(Channel.ANNOUNCEMENTS, valid);
        assertThat(payload.priority()).isEqualTo(Priority.URGENT);
        assertThat(payload.expiresAt()).isNull();
    }

    @Test
    void aCollaborationPayloadMustNameItsChannelsDocument() {
        JsonNode other = tree("{\"type\":\"cursor\",\"documentId\":\"doc2\",\"userId\":\"u1\",\"data\":{\"x\":1},"
                + "\"timestamp\":\"2026-02-02T09:30:00Z\"}");
        assertRefused(() -> codec.readPayload(Channel.collaboration("doc1"), other),
                ErrorCode.INVALID_MESSAGE, "payload.documentId");
        assertThat(codec.readPayload(Channel.collaboration("doc2"), other)).isNotNull();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertRefused(() -> codec.readPayload(Channel.METRICS, tree("[1]")), ErrorCode.INVALID_MESSAGE, "payload");
    }

    @Test
    void serverMessagesRoundTripWithTheirType() {
        DataMessage data = new DataMessage("activity", tree("{\"k\":1}"), new Sender("u1", "c1"), 99, 3, "e1");
        byte[] json = codec.encode(data);
        assertThat(new String(json, UTF_8)).startsWith("{\"type\":\"DATA\"");
        assertThat(codec.decodeServer(json)).isEqualTo(data);

        ServerMessage subscribed = new SubscribedMessage(List.of(),
                List.of(new SubscriptionFailure("activity", ErrorCode.ACCESS_DENIED)), 1);
        assertThat(new String(codec.encode(subscribed), UTF_8))
                .contains("\"failed\":[{\"channel\":\"activity\",\"reason\":\"ACCESS_DENIED\"}]");
        assertThat(codec.decodeServer(codec.encode(subscribed))).isEqualTo(subscribed);
    }

    @Test
    void absentOptionalFieldsAreLeftOutRatherThanNull() {
        String json = new String(codec.encode(new lab.yujian.protocol.ErrorMessage(ErrorCode.TIMEOUT, "slow", null, 1)), UTF_8);
        assertThat(json).doesNotContain("details").doesNotContain("null");
    }

    @Test
    void clientMessagesEncodeWithTheirType() {
        assertThat(new String(codec.encode(new PingMessage(5L)), UTF_8)).isEqualTo("{\"type\":\"PING\",\"timestamp\":5}");
    }

    private ClientMessage decode(String json) {
        return codec.decodeClient(json.getBytes(UTF_8));
    }

    private JsonNode tree(String json) {
        return codec.mapper().readTree(json);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            if (field != null) {
                assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                assertThat(e.getMessage()).contains(field);
            }
        });
    }
}
