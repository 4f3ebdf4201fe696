package lab.yujian.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.stream.Stream;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.SubscribeMessage;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.UnsubscribeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every record component not marked {@link Nullable} must be refused when absent, and every marked one
 * must be accepted when absent: the generated TypeScript's optional fields rely on exactly that.
 */
class RequiredFieldsTest {

    private static final MessageCodec CODEC = MessageCodec.create();

    private static final Map<Class<?>, String> CLIENT_SAMPLES = Map.of(
            PingMessage.class, "{\"type\":\"PING\",\"timestamp\":1}",
            SubscribeMessage.class, "{\"type\":\"SUBSCRIBE\",\"channels\":[\"presence\"]}",
            UnsubscribeMessage.class, "{\"type\":\"UNSUBSCRIBE\",\"channels\":[\"presence\"]}",
            PublishMessage.class, "{\"type\":\"PUBLISH\",\"channel\":\"activity\",\"payload\":{}}",
            SyncRequestMessage.class, "{\"type\":\"REQUEST_SYNC\",\"channel\":\"activity\",\"lastSequence\":0,\"epoch\":\"e\"}",
            PresenceUpdateMessage.class, "{\"type\":\"PRESENCE_UPDATE\",\"status\":\"away\",\"location\":\"L\",\"activity\":\"A\"}");

    private static final String NOW = "\"2026-02-02T09:30:00Z\"";

    private static final Map<Channel, String> PAYLOAD_SAMPLES = Map.of(
            Channel.PRESENCE, "{\"userId\":\"u1\",\"status\":\"online\",\"location\":\"L\",\"activity\":\"A\","
                    + "\"lastSeen\":" + NOW + ",\"metadata\":{\"name\":\"Ada\",\"avatar\":\"x\",\"role\":\"member\"}}",
            Channel.METRICS, "{\"timestamp\":" + NOW + ",\"metrics\":{\"cpu\":1,\"memory\":2,\"disk\":3,"
                    + "\"network\":{\"in\":4,\"out\":5}},\"services\":[{\"name\":\"db\",\"status\":\"healthy\",\"latency\":3}]}",
            Channel.ACTIVITY, "{\"id\":\"a\",\"type\":\"join\",\"userId\":\"u1\",\"message\":\"m\","
                    + "\"metadata\":{\"k\":1},\"timestamp\":" + NOW + "}",
            Channel.ANNOUNCEMENTS, "{\"id\":\"a\",\"priority\":\"low\",\"title\":\"t\",\"content\":\"c\","
                    + "\"author\":{\"userId\":\"u1\",\"name\":\"Ada\"},\"expiresAt\":" + NOW + ",\"timestamp\":" + NOW + "}",
            Channel.collaboration("d1"), "{\"type\":\"edit\",\"documentId\":\"d1\",\"userId\":\"u1\",\"data\":{},"
                    + "\"timestamp\":" + NOW + "}");

    static Stream<Arguments> clientFields() {
        return CLIENT_SAMPLES.keySet().stream().flatMap(type -> Stream.of(type.getRecordComponents())
                .map(component -> Arguments.of(type.getSimpleName() + "." + component.getName(), type, component)));
    }

    static Stream<Arguments> payloadFields() {
        return PAYLOAD_SAMPLES.keySet().stream().flatMap(channel -> {
            Class<?> type = channel.kind().payloadType();
            return Stream.of(type.getRecordComponents()).map(component ->
                    Arguments.of(type.getSimpleName() + "." + component.getName(), channel, component));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientFields")
    void clientMessageFieldsAreRequiredUnlessNullable(String name, Class<?> type, RecordComponent component) {
        ObjectNode sample = (ObjectNode) CODEC.mapper().readTree(CLIENT_SAMPLES.get(type));
        assertThat(CODEC.decodeClient(sample.toString().getBytes())).isInstanceOf(type);
        sample.remove(component.getName());
        byte[] without = sample.toString().getBytes();
        if (component.isAnnotationPresent(Nullable.class)) {
            ClientMessage decoded = CODEC.decodeClient(without);
            assertThat(decoded).isInstanceOf(type);
        } else {
            assertMissing(() -> CODEC.decodeClient(without), component.getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadFields")
    void payloadFieldsAreRequiredUnlessNullable(String name, Channel channel, RecordComponent component) {
        ObjectNode sample = (ObjectNode) CODEC.mapper().readTree(PAYLOAD_SAMPLES.get(channel));
        assertThat(CODEC.readPayload(channel, sample)).isNotNull();
        sample.remove(component.getName());
        if (component.isAnnotationPresent(Nullable.class)) {
            assertThat(CODEC.readPayload(channel, sample)).isNotNull();
        } else {
            assertMissing(() -> CODEC.readPayload(channel, sample), "payload." + component.getName());
        }
    }

    private static void assertMissing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(e.field()).isEqualTo(field);
        });
    }

}
