package lab.yujian.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.yujian.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ChannelKindsTest {

    /** A service's own payload, validated as the built-in ones are. */
    public record Reading(String instrumentId, Double temperatureC, String timestamp) {
        public Reading {
            Fields.requireText(instrumentId, 64, "instrumentId");
            Fields.require(temperatureC, "temperatureC");
            Fields.requireInstant(timestamp, "timestamp");
        }
    }

    private static final ChannelKind INSTRUMENTS = ChannelKind.withIds("instruments", Reading.class);
    private static final ChannelKind BOOKINGS = ChannelKind.named("bookings", JsonNode.class);
    private static final ChannelKinds KINDS = ChannelKinds.with(List.of(INSTRUMENTS, BOOKINGS));
    private static final MessageCodec CODEC = MessageCodec.create();

    @Test
    void aDeclaredKindWithIdsParsesItsChannelsAndTheirIds() {
        Channel channel = KINDS.parse("instruments.freezer-3");
        assertThat(channel.kind()).isEqualTo(INSTRUMENTS);
        assertThat(channel.id()).isEqualTo("freezer-3");
        assertThat(channel).isEqualTo(Channel.of(INSTRUMENTS, "freezer-3"));
    }

    @Test
    void aDeclaredKindWithoutIdsIsOneChannel() {
        assertThat(KINDS.parse("bookings").kind()).isEqualTo(BOOKINGS);
        assertThat(KINDS.parse("bookings")).isSameAs(KINDS.parse("bookings"));
    }

    @Test
    void theBuiltInKindsStayAsTheyWere() {
        assertThat(KINDS.parse("presence")).isSameAs(Channel.PRESENCE);
        assertThat(KINDS.parse("collaboration.d1")).isEqualTo(Channel.collaboration("d1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"instruments", "instruments.", "instruments.a.b", "instruments.a/b", "bookings.x",
            "freezers.f1", "Instruments.f1"})
    void anythingElseIsChannelNotFound(String name) {
        assertThatThrownBy(() -> KINDS.parse(name)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
        assertThatThrownBy(() -> KINDS.parse("instruments." + "x".repeat(65)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void theBuiltInCatalogKnowsNoDeclaredKind() {
        assertThatThrownBy(() -> Channel.parse("instruments.f1")).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aDeclaredPayloadIsValidatedNamingTheField() {
        Channel channel = KINDS.parse("instruments.freezer-1");
        Object reading = CODEC.readPayload(channel, CODEC.mapper().readTree(
                "{\"instrumentId\":\"freezer-1\",\"temperatureC\":-79.6,\"timestamp\":\"2026-12-01T10:00:00Z\"}"));
        assertThat(reading).isEqualTo(new Reading("freezer-1", -79.6, "2026-12-01T10:00:00Z"));
        assertThatThrownBy(() -> CODEC.readPayload(channel, CODEC.mapper().readTree(
                "{\"instrumentId\":\"freezer-1\",\"timestamp\":\"2026-12-01T10:00:00Z\"}")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                    assertThat(e.field()).isEqualTo("payload.temperatureC");
                });
        assertThatThrownBy(() -> CODEC.readPayload(channel, CODEC.mapper().readTree(
                "{\"instrumentId\":\"freezer-1\",\"temperatureC\":\"cold\",\"timestamp\":\"2026-12-01T10:00:00Z\"}")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).isEqualTo("payload.temperatureC");
                });
    }

    @Test
    void aJsonNodePayloadTakesAnyObjectButNothingElse() {
        JsonNode booking = CODEC.mapper().readTree("{\"room\":\"B2\",\"free\":true}");
        assertThat(CODEC.readPayload(KINDS.parse("bookings"), booking)).isEqualTo(booking);
        assertThatThrownBy(() -> CODEC.readPayload(KINDS.parse("bookings"), CODEC.mapper().readTree("[1]")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("JSON object");
    }

    @Test
    void kindNamesAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> ChannelKind.named("Bookings", JsonNode.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bookings'");
        assertThatThrownBy(() -> ChannelKind.withIds("lab.instruments", JsonNode.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ChannelKind.named("metrics", JsonNode.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
        assertThatThrownBy(() -> ChannelKinds.with(List.of(BOOKINGS, ChannelKind.withIds("bookings", JsonNode.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
    }

    @Test
    void aPatternMustMatchAKindSoATypoFailsEarly() {
        KINDS.check(ChannelPattern.parse("instruments.*"), "policy");
        KINDS.check(ChannelPattern.parse("instruments.freezer-1"), "policy");
        KINDS.check(ChannelPattern.parse("bookings"), "policy");
        assertThatThrownBy(() -> KINDS.check(ChannelPattern.parse("instrument.*"), "yujian.batch.channels"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("yujian.batch.channels: 'instrument.*' matches no channel")
                .hasMessageContaining("instruments.<id>");
        assertThatThrownBy(() -> ChannelKinds.builtIns().check(ChannelPattern.parse("bookings"), "policy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ChannelPattern.parse("instruments.*").matches(KINDS.parse("instruments.f1"))).isTrue();
        assertThat(ChannelPattern.parse("instruments.*").matches(KINDS.parse("bookings"))).isFalse();
    }
}
