package lab.yujian.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.FailingHistoryStore;
import lab.yujian.core.testing.FailingPresenceStore;
import lab.yujian.core.testing.ManualScheduler;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.protocol.UnsubscribedMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Author;
import lab.yujian.protocol.payload.HostMetrics;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.NetworkMetrics;
import lab.yujian.protocol.payload.PresenceStatus;
import lab.yujian.protocol.payload.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubTest {

    private final MutableClock clock = MutableClock.atSeedDate();
    private final RecordingTransport transport = new RecordingTransport();
    private final MessageCodec codec = MessageCodec.create();
    private final List<Hub> hubs = new ArrayList<>();

    private final Identity admin = new Identity("grace", "admin", "Grace Hopper");
    private final Identity member = new Identity("ada", "member", "Ada Lovelace");

    private Hub hub(Consumer<HubConfig.Builder> settings, Consumer<HubBuilder> parts) {
        HubConfig.Builder config = HubConfig.custom().nodeId("node-t")
                .maintenanceInterval(Duration.ofHours(1)).presenceLease(Duration.ofHours(2));
        settings.accept(config);
        HubBuilder builder = Hub.builder(config.build()).transport(transport).clock(clock);
        parts.accept(builder);
        Hub hub = builder.build();
        hubs.add(hub);
        return hub;
    }

    private Hub hub() {
        return hub(c -> { }, b -> { });
    }

    @AfterEach
    void closeHubs() {
        hubs.forEach(Hub::close);
    }

    private ActivityPayload activity(String message) {
        return new ActivityPayload("a-" + message, ActivityType.ACTION, "grace", message, null,
                clock.instant().toString());
    }

    private AnnouncementPayload announcement(String title) {
        return new AnnouncementPayload("n-" + title, Priority.NORMAL, title, "About " + title,
                new Author("grace", "Grace Hopper"), null, clock.instant().toString());
    }

    private FailingHistoryStore historyThatCanFail() {
        return new FailingHistoryStore(new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock));
    }

    private byte[] publishBody(Channel channel, Object payload) {
        return codec.encode(new PublishMessage(channel.name(), codec.toTree(payload)));
    }

    private ErrorMessage lastError(String clientId) {
        List<ErrorMessage> errors = transport.repliesTo(clientId, ErrorMessage.class);
        assertThat(errors).as("errors sent to " + clientId).isNotEmpty();
        return errors.get(errors.size() - 1);
    }

    @Test
    void connectingGivesEachSessionItsOwnClientIdAndAnnouncesTheUserOnce() {
        Hub hub = hub();
        Session tab1 = hub.connect(member);
        Session tab2 = hub.connect(member);
        assertThat(tab1.clientId()).isNotEqualTo(tab2.clientId()).startsWith("ws_node-t_");
        assertThat(hub.registry().clientIdsOf("ada")).containsExactlyInAnyOrder(tab1.clientId(), tab2.clientId());
        List<ServerMessage> presence = transport.broadcastsOn("presence");
        assertThat(presence).singleElement().isInstanceOfSatisfying(DataMessage.class, data -> {
            assertThat(data.payload().get("userId").asString()).isEqualTo("ada");
            assertThat(data.payload().get("status").asString()).isEqualTo("online");
            assertThat(data.sender()).isEqualTo(new Sender("ada", tab1.clientId()));
        });
    }

    @Test
    void aConnectThatPresenceCannotRecordLeavesNoSessionBehind() {
        FailingPresenceStore presence = new FailingPresenceStore(
                new InMemoryPresenceStore(Duration.ofHours(2), clock));
        List<Session> connected = new ArrayList<>();
        Hub hub = hub(c -> { }, b -> b.presence(presence).observer(new HubObserver() {
            @Override
            public void connected(Session session) {
                connected.add(session);
            }
        }));
        presence.down(true);
        assertThatThrownBy(() -> hub.connect(member)).isInstanceOfSatisfying(YujianException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("'ada'");
        });
        assertThat(hub.registry().sessionCount()).isZero();
        assertThat(connected).isEmpty();
        assertThat(transport.broadcastsOn("presence")).isEmpty();

        presence.down(false);
        Session ada = hub.connect(member);
        assertThat(hub.registry().get(ada.clientId())).isPresent();
        assertThat(connected).containsExactly(ada);
    }

    @Test
    void anAllowedSubscriptionIsAnsweredWithSubscribedThenInitialDataCarryingTheSequence() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        Channel channel = hub.authorizeSubscribe(ada.clientId(), "presence").orElseThrow();
        hub.subscribed(ada.clientId(), channel);

        List<ServerMessage> replies = transport.repliesTo(ada.clientId());
        assertThat(replies.get(0)).isInstanceOfSatisfying(SubscribedMessage.class, subscribed -> {
            assertThat(subscribed.channels()).containsExactly("presence");
            assertThat(subscribed.failed()).isEmpty();
        });
        assertThat(replies.get(1)).isInstanceOfSatisfying(InitialDataMessage.class, initial -> {
            assertThat(initial.sequence()).isEqualTo(1);
            assertThat(initial.epoch()).isEqualTo(hub.history().position("presence").epoch());
            assertThat(initial.payload().get(0).get("userId").asString()).isEqualTo("ada");
        });
        assertThat(hub.registry().subscriberCount("presence")).isEqualTo(1);
    }

    @Test
    void aDeniedSubscriptionIsAnsweredWithFailedAndIsNotRecorded() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.authorizeSubscribe(ada.clientId(), "activity")).isEmpty();
        assertThat(transport.repliesTo(ada.clientId(), SubscribedMessage.class)).singleElement().satisfies(reply -> {
            assertThat(reply.channels()).isEmpty();
            assertThat(reply.failed()).containsExactly(new SubscriptionFailure("activity", ErrorCode.ACCESS_DENIED));
        });
        assertThat(hub.registry().subscriberCount("activity")).isZero();
        assertThat(hub.registry().get(ada.clientId())).isPresent();
    }

    @Test
    void unknownChannelsAndRepeatedSubscriptionsFailWithTheirReason() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.authorizeSubscribe(ada.clientId(), "gossip")).isEmpty();
        hub.subscribed(ada.clientId(), hub.authorizeSubscribe(ada.clientId(), "metrics").orElseThrow());
        assertThat(hub.authorizeSubscribe(ada.clientId(), "metrics")).isEmpty();
        assertThat(transport.repliesTo(ada.clientId(), SubscribedMessage.class))
                .flatExtracting(SubscribedMessage::failed).extracting(SubscriptionFailure::reason)
                .containsExactly(ErrorCode.CHANNEL_NOT_FOUND, ErrorCode.ALREADY_SUBSCRIBED);
    }

    @Test
    void aSessionJoinsAtMostTheConfiguredNumberOfChannels() {
        Hub hub = hub(c -> c.maxSubscriptionsPerSession(2), b -> { });
        Session grace = hub.connect(admin);
        for (String document : List.of("a", "b", "c")) {
            hub.authorizeSubscribe(grace.clientId(), "collaboration." + document)
                    .ifPresent(channel -> hub.subscribed(grace.clientId(), channel));
        }
        assertThat(hub.registry().subscriptionCount(grace.clientId())).isEqualTo(2);
        assertThat(transport.repliesTo(grace.clientId(), SubscribedMessage.class))
                .flatExtracting(SubscribedMessage::failed)
                .containsExactly(new SubscriptionFailure("collaboration.c", ErrorCode.TOO_MANY_SUBSCRIPTIONS));
        hub.unsubscribed(grace.clientId(), "collaboration.a");
        assertThat(hub.authorizeSubscribe(grace.clientId(), "collaboration.c")).isPresent();
    }

    @Test
    void aPublishIsBroadcastAsDataWithSenderSequenceEpochAndTimestamp() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        for (String text : List.of("one", "two", "three")) {
            assertThat(hub.receive(grace.clientId(), PublishMessage.class,
                    publishBody(Channel.ACTIVITY, activity(text)))).isTrue();
        }
        List<ServerMessage> activity = transport.broadcastsOn("activity");
        assertThat(activity).hasSize(3).allSatisfy(message -> assertThat(message).isInstanceOfSatisfying(
                DataMessage.class, data -> {
                    assertThat(data.sender()).isEqualTo(new Sender("grace", grace.clientId()));
                    assertThat(data.epoch()).isEqualTo(hub.history().position("activity").epoch());
                    assertThat(data.timestamp()).isEqualTo(clock.millis());
                }));
        assertThat(activity).extracting(m -> ((DataMessage) m).sequence()).containsExactly(1L, 2L, 3L);
        assertThat(activity).extracting(m -> ((DataMessage) m).payload().get("message").asString())
                .containsExactly("one", "two", "three");
    }

    @Test
    void aMemberMayNotPublishAndNothingIsBroadcast() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.receive(ada.clientId(), PublishMessage.class,
                publishBody(Channel.ANNOUNCEMENTS, announcement("Fire drill")))).isFalse();
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        assertThat(lastError(ada.clientId()).message()).contains("'member'").contains("'announcements'");
        assertThat(transport.broadcastsOn("announcements")).isEmpty();
        assertThat(hub.history().position("announcements").sequence()).isZero();

        assertThat(hub.receive(ada.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("x"))))
                .isFalse();
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        assertThat(lastError(ada.clientId()).message()).contains("'member'").contains("'activity'");
        assertThat(transport.broadcastsOn("activity")).isEmpty();
        assertThat(hub.history().position("activity").sequence()).isZero();
    }

    @Test
    void anInvalidPayloadIsRefusedNamingTheField() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        String body = "{\"type\":\"PUBLISH\",\"channel\":\"activity\",\"payload\":{\"id\":\"1\",\"type\":\"action\","
                + "\"userId\":\"grace\",\"timestamp\":\"2026-02-02T09:00:00Z\"}}";
        hub.receive(grace.clientId(), PublishMessage.class, body.getBytes(UTF_8));
        ErrorMessage error = lastError(grace.clientId());
        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.message()).contains("payload.message");
        assertThat(error.details().get("field").asString()).isEqualTo("payload.message");
        assertThat(transport.broadcastsOn("activity")).isEmpty();
    }

    @Test
    void anInvalidPayloadIsAnsweredWithItsValidationCodeBeforeAuthorizationOrRateLimiting() {
        Hub hub = hub(c -> c.rateLimit(new RateLimitConfig(2, Duration.ofSeconds(60))), b -> { });
        Session ada = hub.connect(member);
        String untitled = "{\"type\":\"PUBLISH\",\"channel\":\"announcements\",\"payload\":{\"id\":\"n1\","
                + "\"priority\":\"normal\",\"content\":\"x\",\"author\":{\"userId\":\"ada\",\"name\":\"Ada\"},"
                + "\"timestamp\":\"2026-02-02T09:00:00Z\"}}";
        for (int i = 0; i < 4; i++) {
            assertThat(hub.receive(ada.clientId(), PublishMessage.class, untitled.getBytes(UTF_8))).isFalse();
        }
        assertThat(transport.repliesTo(ada.clientId(), ErrorMessage.class)).hasSize(4).allSatisfy(error -> {
            assertThat(error.code()).as("validated before the member is denied or limited")
                    .isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(error.details().get("field").asString()).isEqualTo("payload.title");
        });
        byte[] ping = codec.encode(new PingMessage(1L));
        assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).as("invalid sends took no tokens").isTrue();
        assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).isTrue();
    }

    @Test
    void aDeniedPublishTakesNoRateLimitTokenAndNeverReachesTheHook() {
        List<Object> hooked = new ArrayList<>();
        Hub hub = hub(c -> c.rateLimit(new RateLimitConfig(3, Duration.ofSeconds(60))),
                b -> b.hook(ChannelKind.ANNOUNCEMENTS, (who, channel, payload) -> {
                    hooked.add(payload);
                    return payload;
                }));
        Session ada = hub.connect(member);
        for (int i = 0; i < 5; i++) {
            assertThat(hub.receive(ada.clientId(), PublishMessage.class,
                    publishBody(Channel.ANNOUNCEMENTS, announcement("n" + i)))).isFalse();
        }
        assertThat(transport.repliesTo(ada.clientId(), ErrorMessage.class)).extracting(ErrorMessage::code)
                .hasSize(5).containsOnly(ErrorCode.PUBLISH_DENIED);
        assertThat(hooked).isEmpty();

        byte[] ping = codec.encode(new PingMessage(1L));
        for (int i = 0; i < 3; i++) {
            assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).as("permitted send " + i).isTrue();
        }
        assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).as("the limit itself holds").isFalse();
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void aRateLimitedPublishIsNeitherHookedNorAppended() {
        List<String> hooked = new ArrayList<>();
        Hub hub = hub(c -> c.rateLimit(new RateLimitConfig(2, Duration.ofSeconds(60))),
                b -> b.hook(ChannelKind.ACTIVITY, (who, channel, payload) -> {
                    hooked.add(((ActivityPayload) payload).message());
                    return payload;
                }));
        Session grace = hub.connect(admin);
        for (String text : List.of("m1", "m2", "m3")) {
            hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity(text)));
        }
        assertThat(lastError(grace.clientId()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(hooked).containsExactly("m1", "m2");
        assertThat(hub.history().position("activity").sequence()).isEqualTo(2);
        assertThat(transport.broadcastsOn("activity")).hasSize(2);
    }

    @Test
    void aPublishIsDeliveredOnlyAfterHistoryAppendedIt() {
        FailingHistoryStore history = historyThatCanFail();
        Hub hub = hub(c -> { }, b -> b.history(history));
        Session grace = hub.connect(admin);
        history.down(true);
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("lost")));
        assertThat(transport.broadcastsOn("activity")).isEmpty();

        history.down(false);
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("kept")));
        assertThat(transport.broadcastsOn("activity")).singleElement().isInstanceOfSatisfying(DataMessage.class,
                data -> {
                    assertThat(data.sequence()).isEqualTo(1);
                    assertThat(data.payload().get("message").asString()).isEqualTo("kept");
                });
    }

    @Test
    void badInputGetsErrorsAndTheSessionStillAnswersPings() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.receive(ada.clientId(), PingMessage.class, "{not json".getBytes(UTF_8));
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        hub.receive(ada.clientId(), PublishMessage.class, "{\"payload\":{}}".getBytes(UTF_8));
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.MISSING_FIELD);
        hub.receive(ada.clientId(), PublishMessage.class, "{\"type\":\"PING\",\"timestamp\":1}".getBytes(UTF_8));
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.INVALID_TYPE);

        assertThat(hub.receive(ada.clientId(), PingMessage.class, "{\"timestamp\":42}".getBytes(UTF_8))).isTrue();
        assertThat(transport.repliesTo(ada.clientId(), PongMessage.class)).singleElement()
                .satisfies(pong -> assertThat(pong.clientTimestamp()).isEqualTo(42));
    }

    @Test
    void sendsBeyondTheRateLimitAreRefusedUntilTheBucketRefills() {
        Hub hub = hub(c -> c.rateLimit(new RateLimitConfig(5, Duration.ofSeconds(60))), b -> { });
        Session ada = hub.connect(member);
        byte[] ping = codec.encode(new PingMessage(1L));
        for (int i = 0; i < 5; i++) {
            assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).isTrue();
        }
        assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).isFalse();
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(lastError(ada.clientId()).message()).contains("user ada").contains("retry in");

        Session otherTab = hub.connect(member);
        assertThat(hub.receive(otherTab.clientId(), PingMessage.class, ping)).as("the limit is per user").isFalse();

        clock.advance(Duration.ofSeconds(12));
        assertThat(hub.receive(ada.clientId(), PingMessage.class, ping)).isTrue();
    }

    @Test
    void aSessionThatKeepsGettingRefusedIsClosedAsAbusive() {
        Hub hub = hub(c -> c.abuseLimit(3), b -> { });
        Session ada = hub.connect(member);
        for (int i = 0; i < 3; i++) {
            hub.receive(ada.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        }
        assertThat(transport.closes()).isEmpty();
        hub.receive(ada.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        assertThat(transport.closes()).singleElement()
                .isEqualTo(new RecordingTransport.Close(ada.clientId(), CloseCode.POLICY_VIOLATION,
                        "Too many refused messages"));
        assertThat(hub.registry().get(ada.clientId())).isEmpty();
    }

    @Test
    void aHistoryOutageIsAnsweredButNotHeldAgainstTheClients() {
        FailingHistoryStore history = historyThatCanFail();
        Hub hub = hub(c -> c.abuseLimit(3), b -> b.history(history));
        Session grace = hub.connect(admin);
        history.down(true);
        for (int i = 0; i < 5; i++) {
            assertThat(hub.receive(grace.clientId(), PublishMessage.class,
                    publishBody(Channel.ACTIVITY, activity("m" + i)))).isFalse();
            assertThat(hub.receive(grace.clientId(), SyncRequestMessage.class,
                    codec.encode(new SyncRequestMessage("activity", 0L, null)))).isFalse();
        }
        assertThat(transport.repliesTo(grace.clientId(), ErrorMessage.class)).hasSize(10)
                .extracting(ErrorMessage::code).containsOnly(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(transport.closes()).isEmpty();
        assertThat(hub.registry().get(grace.clientId())).isPresent();

        for (int i = 0; i < 3; i++) {
            hub.receive(grace.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        }
        assertThat(transport.closes()).as("three client faults are within the abuse limit").isEmpty();
        hub.receive(grace.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        assertThat(transport.closes()).singleElement().extracting(RecordingTransport.Close::code)
                .isEqualTo(CloseCode.POLICY_VIOLATION);
    }

    @Test
    void aSyncReturnsEveryMissedMessageInOrder() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        for (int i = 1; i <= 9; i++) {
            hub.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        String epoch = hub.history().position("activity").epoch();
        hub.receive(grace.clientId(), SyncRequestMessage.class,
                codec.encode(new SyncRequestMessage("activity", 2L, epoch)));
        SyncResponseMessage sync = transport.repliesTo(grace.clientId(), SyncResponseMessage.class).get(0);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.currentSequence()).isEqualTo(9);
        assertThat(sync.messages()).extracting(DataMessage::sequence).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(transport.repliesTo(grace.clientId(), InitialDataMessage.class)).isEmpty();
    }

    @Test
    void aSyncOfAChannelTheRoleCannotReadIsDenied() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.publish(admin, Channel.ACTIVITY, activity("secret"));
        hub.receive(ada.clientId(), SyncRequestMessage.class, codec.encode(new SyncRequestMessage("activity", 0L, null)));
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(transport.repliesTo(ada.clientId(), SyncResponseMessage.class)).isEmpty();
    }

    @Test
    void aSyncThatCannotRecoverSaysWhyAndIsFollowedByInitialData() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        hub.publish(admin, Channel.ACTIVITY, activity("m1"));
        hub.receive(grace.clientId(), SyncRequestMessage.class,
                codec.encode(new SyncRequestMessage("activity", 5L, "old-epoch")));
        List<ServerMessage> replies = transport.repliesTo(grace.clientId());
        assertThat(replies.get(replies.size() - 2)).isInstanceOfSatisfying(SyncResponseMessage.class, sync -> {
            assertThat(sync.recovered()).isFalse();
            assertThat(sync.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
            assertThat(sync.messages()).isEmpty();
        });
        assertThat(replies.get(replies.size() - 1)).isInstanceOfSatisfying(InitialDataMessage.class, initial -> {
            assertThat(initial.channel()).isEqualTo("activity");
            assertThat(initial.sequence()).isEqualTo(1);
            assertThat(initial.payload().get(0).get("message").asString()).isEqualTo("m1");
        });
    }

    @Test
    void presenceFollowsUpdatesAndTheLastSessionClosing() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.receive(ada.clientId(), PresenceUpdateMessage.class,
                codec.encode(new PresenceUpdateMessage(PresenceStatus.AWAY, "Lab 2", null)));
        hub.disconnect(ada.clientId());
        hub.disconnect(ada.clientId());
        List<ServerMessage> presence = transport.broadcastsOn("presence");
        assertThat(presence).extracting(m -> ((DataMessage) m).payload().get("status").asString())
                .containsExactly("online", "away", "offline");
        assertThat(((DataMessage) presence.get(1)).payload().get("location").asString()).isEqualTo("Lab 2");
        assertThat(presence).extracting(m -> ((DataMessage) m).sequence()).containsExactly(1L, 2L, 3L);
        assertThat(hub.presence().get("ada")).isEmpty();
    }

    @Test
    void maintenanceClosesSessionsSilentBeyondTheStaleThreshold() {
        Hub hub = hub();
        Session quiet = hub.connect(member);
        Session chatty = hub.connect(admin);
        clock.advance(Duration.ofSeconds(90));
        hub.touch(chatty.clientId());
        clock.advance(Duration.ofSeconds(31));
        hub.runMaintenance();
        assertThat(transport.closes()).extracting(RecordingTransport.Close::clientId).containsExactly(quiet.clientId());
        assertThat(transport.closes().get(0).code()).isEqualTo(CloseCode.GOING_AWAY);
        assertThat(hub.registry().get(quiet.clientId())).isEmpty();
        assertThat(hub.registry().get(chatty.clientId())).isPresent();
    }

    @Test
    void maintenanceKeepsTheNodesOwnPresenceAlive() {
        Hub hub = hub(c -> c.maintenanceInterval(Duration.ofMinutes(1)).presenceLease(Duration.ofMinutes(2))
                .staleAfter(Duration.ofHours(1)), b -> { });
        hub.connect(member);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            hub.runMaintenance();
        }
        assertThat(hub.presence().get("ada")).isPresent();
    }

    @Test
    void batchedChannelsGoOutAsBatchesInSequenceOrder() {
        ManualScheduler flushes = new ManualScheduler();
        Hub hub = hub(c -> { }, b -> b.flushScheduler(flushes));
        for (int i = 0; i < 3; i++) {
            hub.publish(admin, Channel.METRICS, new MetricsPayload(clock.instant().toString(),
                    new HostMetrics(10.0 + i, 20.0, 30.0, new NetworkMetrics(1.0, 2.0)), List.of()));
        }
        clock.advance(Duration.ofMillis(49));
        flushes.runPending();
        assertThat(transport.broadcastsOn("metrics")).as("49 ms is not yet due").isEmpty();
        clock.advance(Duration.ofMillis(1));
        flushes.runPending();
        assertThat(transport.broadcastsOn("metrics")).singleElement().isInstanceOfSatisfying(BatchMessage.class,
                batch -> assertThat(batch.messages()).extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L));
    }

    @Test
    void aHookRunsBeforeSequencingAndMayRewriteOrRefuse() {
        Hub hub = hub(c -> { }, b -> b.hook(ChannelKind.ACTIVITY, (who, channel, payload) -> {
            ActivityPayload activity = (ActivityPayload) payload;
            if (activity.message().contains("forbidden")) {
                throw new YujianException(ErrorCode.PUBLISH_DENIED, "Activity 'forbidden' is not allowed");
            }
            return new ActivityPayload("server-id", activity.type(), who.userId(), activity.message(), null,
                    activity.timestamp());
        }));
        Session grace = hub.connect(admin);
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("fine")));
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("forbidden")));
        assertThat(transport.broadcastsOn("activity")).singleElement().isInstanceOfSatisfying(DataMessage.class,
                data -> assertThat(data.payload().get("id").asString()).isEqualTo("server-id"));
        assertThat(lastError(grace.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        assertThat(hub.history().position("activity").sequence()).isEqualTo(1);
    }

    @Test
    void anObserverThatThrowsDoesNotBreakTheHub() {
        Hub hub = hub(c -> { }, b -> b.observer(new HubObserver() {
            @Override
            public void connected(Session session) {
                throw new IllegalStateException("observer bug");
            }
        }));
        Session ada = hub.connect(member);
        assertThat(hub.registry().get(ada.clientId())).isPresent();
        assertThat(transport.broadcastsOn("presence")).hasSize(1);
    }

    @Test
    void concurrentPublishesReachTheTransportInSequenceOrder() throws Exception {
        Hub hub = hub();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    hub.publish(admin, Channel.ACTIVITY, activity("x"));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Long> sequences = transport.broadcastsOn("activity").stream()
                .map(m -> ((DataMessage) m).sequence()).toList();
        assertThat(sequences).hasSize(400).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aServerPublishChecksNoRoleButValidatesThePayload() {
        Hub hub = hub();
        Identity device = new Identity("badge-reader", "device", "Badge reader");
        DataMessage data = hub.publish(device, Channel.ACTIVITY, activity("checked in"));
        assertThat(data.sequence()).isEqualTo(1);
        assertThat(data.sender()).isEqualTo(new Sender("badge-reader", "node-t"));
        assertThatThrownBy(() -> hub.publish(device, Channel.ANNOUNCEMENTS, activity("wrong shape")))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aCheckInMakesAUserPresentWithoutAConnectionUntilCheckOut() {
        Hub hub = hub();
        var present = hub.checkIn(member, "badge-door-1", "Main entrance", Duration.ofHours(8));
        assertThat(present.status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(present.location()).isEqualTo("Main entrance");
        assertThat(hub.registry().sessionCount()).isZero();
        assertThat(transport.broadcastsOn("presence")).extracting(m -> ((DataMessage) m).payload().get("status").asString())
                .containsExactly("online", "online");

        clock.advance(Duration.ofHours(1));
        hub.runMaintenance();
        assertThat(hub.presence().get("ada")).isPresent();
        assertThat(hub.checkOut("ada", "badge-door-1")).isEmpty();
        assertThat(((DataMessage) transport.broadcastsOn("presence").get(2)).payload().get("status").asString())
                .isEqualTo("offline");
    }

    @Test
    void kickingClosesTheSessionAndUpdatesPresence() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.kick(ada.clientId(), CloseCode.POLICY_VIOLATION, "Disconnected by an admin");
        assertThat(transport.closes()).singleElement().satisfies(close -> {
            assertThat(close.code()).isEqualTo(CloseCode.POLICY_VIOLATION);
            assertThat(close.reason()).isEqualTo("Disconnected by an admin");
        });
        assertThat(hub.presence().get("ada")).isEmpty();
    }

    @Test
    void leavingAChannelIsConfirmed() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.subscribed(ada.clientId(), Channel.METRICS);
        hub.unsubscribed(ada.clientId(), "metrics");
        hub.unsubscribed(ada.clientId(), "metrics");
        assertThat(transport.repliesTo(ada.clientId(), UnsubscribedMessage.class)).singleElement()
                .satisfies(reply -> assertThat(reply.channels()).containsExactly("metrics"));
        assertThat(hub.registry().subscriberCount("metrics")).isZero();
    }
}
