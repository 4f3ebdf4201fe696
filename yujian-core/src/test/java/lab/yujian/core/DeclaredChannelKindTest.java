package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A service's own channel kinds: parsed, authorized, validated, kept and snapshotted like the built-in ones. */
class DeclaredChannelKindTest extends HubTestSupport {

    public record Reading(String instrumentId, Double temperatureC, String timestamp) {
        public Reading {
            Fields.requireText(instrumentId, 64, "instrumentId");
            Fields.require(temperatureC, "temperatureC");
            Fields.requireInstant(timestamp, "timestamp");
        }
    }

    static final ChannelKind INSTRUMENTS = ChannelKind.withIds("instruments", Reading.class);
    static final ChannelKind BOOKINGS = ChannelKind.named("bookings", JsonNode.class);

    private final Identity viewer = new Identity("vic", "viewer", "Vic Viewer");
    private final Identity moderator = new Identity("mo", "moderator", "Mo Moderator");

    private Hub instrumentsHub() {
        return hub(c -> c.channelKind(ChannelKindConfig.custom(INSTRUMENTS)
                        .readers("member", "moderator", "admin").serverPublishes().history(3, Duration.ofMinutes(1)).build())
                .channelKind(ChannelKindConfig.custom(BOOKINGS).readers("*").publishers("member").build()),
                b -> { });
    }

    private Reading reading(double temperature) {
        return new Reading("freezer-1", temperature, clock.instant().toString());
    }

    @Test
    void aMemberSubscribesAndGetsTheServersReadingsInSequence() {
        Hub hub = instrumentsHub();
        Session ada = subscribed(hub, member, "instruments.freezer-1");
        Channel freezer = hub.channel("instruments.freezer-1");
        hub.publish(admin, freezer, reading(-79.6));
        hub.publish(admin, freezer, reading(-79.4));
        assertThat(dataTo(ada, "instruments.freezer-1")).extracting(data -> data.sequence()).containsExactly(1L, 2L);
        assertThat(dataTo(ada, "instruments.freezer-1").get(1).payload().get("temperatureC").asDouble())
                .isEqualTo(-79.4);
    }

    @Test
    void theKindsReadersDecideWhateverThePolicySays() {
        Hub hub = instrumentsHub();
        Session vic = hub.connect(viewer);
        assertThat(hub.subscribe(vic.clientId(), "instruments.freezer-1")).isEmpty();
        assertThat(transport.repliesTo(vic.clientId(), SubscribedMessage.class)).singleElement().satisfies(reply ->
                assertThat(reply.failed()).containsExactly(
                        new SubscriptionFailure("instruments.freezer-1", ErrorCode.ACCESS_DENIED)));
        assertThat(hub.subscribe(vic.clientId(), "bookings")).isPresent();
    }

    @Test
    void onlyTheServerPublishesOnAServerPublishedKindEvenForAnAdmin() {
        Hub hub = instrumentsHub();
        Session grace = hub.connect(admin);
        Session mo = hub.connect(moderator);
        for (Session session : List.of(grace, mo)) {
            hub.receive(session.clientId(), PublishMessage.class,
                    publishBody(hub.channel("instruments.freezer-1"), reading(-80)));
            assertThat(lastError(session.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        }
        assertThat(hub.history().position("instruments.freezer-1").sequence()).isZero();
    }

    @Test
    void aKindsPublishersMayPublishAndItsPayloadIsTakenAsGiven() {
        Hub hub = instrumentsHub();
        Session ada = subscribed(hub, member, "bookings");
        assertThat(hub.receive(ada.clientId(), PublishMessage.class,
                codec.encode(new PublishMessage("bookings", codec.mapper().readTree("{\"room\":\"B2\"}"))))).isTrue();
        assertThat(dataTo(ada, "bookings")).singleElement()
                .satisfies(data -> assertThat(data.payload().get("room").asString()).isEqualTo("B2"));
        Session mo = hub.connect(moderator);
        hub.receive(mo.clientId(), PublishMessage.class,
                codec.encode(new PublishMessage("bookings", codec.mapper().readTree("{\"room\":\"B3\"}"))));
        assertThat(lastError(mo.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
    }

    @Test
    void aBadPayloadIsRefusedNamingTheField() {
        Hub hub = hub(c -> c.channelKind(ChannelKindConfig.custom(INSTRUMENTS).readers("*").publishers("admin").build()),
                b -> { });
        Session grace = hub.connect(admin);
        hub.receive(grace.clientId(), PublishMessage.class, codec.encode(new PublishMessage("instruments.f1",
                codec.mapper().readTree("{\"instrumentId\":\"f1\",\"timestamp\":\"2026-12-01T10:00:00Z\"}"))));
        assertThat(lastError(grace.clientId())).satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(error.details().get("field").asString()).isEqualTo("payload.temperatureC");
        });
    }

    @Test
    void anUnknownKindOrAnIdOfTheWrongFormIsChannelNotFound() {
        Hub hub = instrumentsHub();
        Session ada = hub.connect(member);
        hub.subscribe(ada.clientId(), "instruments.freezer/1");
        hub.subscribe(ada.clientId(), "freezers.f1");
        assertThat(transport.repliesTo(ada.clientId(), SubscribedMessage.class))
                .flatExtracting(SubscribedMessage::failed).extracting(SubscriptionFailure::reason)
                .containsExactly(ErrorCode.CHANNEL_NOT_FOUND, ErrorCode.CHANNEL_NOT_FOUND);
        assertThatThrownBy(() -> hub.channel("instruments")).hasMessageContaining("Unknown channel");
    }

    @Test
    void initialDataIsTheNewestHistoryWithinTheKindsOwnBounds() {
        Hub hub = instrumentsHub();
        Channel freezer = hub.channel("instruments.freezer-1");
        for (int i = 0; i < 5; i++) {
            hub.publish(admin, freezer, reading(-80 + i));
        }
        Session ada = subscribed(hub, member, "instruments.freezer-1");
        assertThat(transport.repliesTo(ada.clientId(), InitialDataMessage.class)).singleElement().satisfies(initial -> {
            assertThat(initial.sequence()).isEqualTo(5);
            assertThat(initial.payload()).hasSize(3);
            assertThat(initial.payload().get(2).get("temperatureC").asDouble()).isEqualTo(-76.0);
        });
    }

    @Test
    void aSnapshotProviderAnswersForADeclaredKind() {
        Hub hub = hub(c -> c.channelKind(ChannelKindConfig.custom(INSTRUMENTS).readers("*").serverPublishes().build()),
                b -> b.snapshot(INSTRUMENTS, channel -> reading(-70)));
        Session ada = subscribed(hub, member, "instruments.freezer-1");
        assertThat(transport.repliesTo(ada.clientId(), InitialDataMessage.class)).singleElement().satisfies(initial ->
                assertThat(initial.payload().get("temperatureC").asDouble()).isEqualTo(-70.0));
    }

    @Test
    void aKindWithoutItsOwnAccessFollowsThePolicyPatterns() {
        Hub hub = hub(c -> c.channelKind(ChannelKindConfig.custom(INSTRUMENTS).build())
                .policy(ChannelPolicy.ofDefaults().toBuilder().subscribe("member", "instruments.*").build()), b -> { });
        Session ada = hub.connect(member);
        assertThat(hub.subscribe(ada.clientId(), "instruments.f1")).isPresent();
        assertThat(hub.subscribe(ada.clientId(), "presence")).as("member is now listed").isEmpty();
    }

    @Test
    void configurationThatNamesAnUndeclaredKindFailsAtStartup() {
        assertThatThrownBy(() -> HubConfig.custom()
                .policy(ChannelPolicy.ofDefaults().toBuilder().subscribe("member", "instrument.*").build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy.subscribe.member: 'instrument.*' matches no channel");
        assertThatThrownBy(() -> HubConfig.custom().batch(lab.yujian.core.batch.BatchConfig.custom()
                .channels("metrics", "instruments.*").build()).build())
                .hasMessageContaining("batch.channels: 'instruments.*' matches no channel");
        assertThatThrownBy(() -> hub(c -> { }, b -> b.snapshot(INSTRUMENTS, channel -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'instruments'");
        assertThatThrownBy(() -> ChannelKindConfig.custom(ChannelKind.METRICS).readers("*").build())
                .hasMessageContaining("built in");
        assertThatThrownBy(() -> ChannelKindConfig.custom(BOOKINGS).readers("mod*").build())
                .hasMessageContaining("bookings.readers: role 'mod*'");
    }

    @Test
    void aKindsHistoryBoundsApplyToItsChannelsOnly() {
        HubConfig config = HubConfig.custom().channelKind(ChannelKindConfig.custom(INSTRUMENTS)
                .history(10, Duration.ofSeconds(30)).build()).build();
        assertThat(config.history().kinds()).isEqualTo(Map.of("instruments",
                new lab.yujian.core.history.HistoryConfig.Bounds(10, Duration.ofSeconds(30))));
        assertThat(config.history().maxSize("instruments.f1")).isEqualTo(10);
        assertThat(config.history().maxAge("instruments.f1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.history().maxSize("metrics")).isEqualTo(1000);
        assertThat(HubConfig.from(config).build()).isEqualTo(config);
    }
}
