package lab.yujian.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.history.Published;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.FailingHistoryStore;
import lab.yujian.core.testing.FailingPresenceStore;
import lab.yujian.core.testing.ManualScheduler;
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
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.protocol.UnsubscribedMessage;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.HostMetrics;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.NetworkMetrics;
import org.junit.jupiter.api.Test;

/** Sessions, subscriptions and the publish pipeline of one hub. */
class HubTest extends HubTestSupport {

    @Test
    void connectingGivesEachSessionItsOwnClientIdAndAnnouncesTheUserOnce() {
        Hub hub = hub();
        Session watching = subscribed(hub, watcher, "presence");
        Session tab1 = hub.connect(member);
        Session tab2 = hub.connect(member);
        assertThat(tab1.clientId()).isNotEqualTo(tab2.clientId()).startsWith("ws_node-t_");
        assertThat(Session.nodeOf(tab1.clientId())).isEqualTo("node-t");
        assertThat(hub.registry().clientIdsOf("ada")).containsExactlyInAnyOrder(tab1.clientId(), tab2.clientId());
        assertThat(dataTo(watching, "presence")).singleElement().satisfies(data -> {
            assertThat(data.payload().get("userId").asString()).isEqualTo("ada");
            assertThat(data.payload().get("status").asString()).isEqualTo("online");
            assertThat(data.sender()).isEqualTo(new Sender("ada", tab1.clientId()));
        });
    }

    @Test
    void aConnectThatPresenceCannotRecordLeavesNoSessionBehind() {
        FailingPresenceStore presence = new FailingPresenceStore(new InMemoryPresenceStore(clock));
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

        presence.down(false);
        Session ada = hub.connect(member);
        assertThat(hub.registry().get(ada.clientId())).isPresent();
        assertThat(connected).containsExactly(ada);
    }

    @Test
    void anAllowedSubscriptionIsAnsweredWithSubscribedThenInitialDataCarryingTheSequence() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.subscribe(ada.clientId(), "presence")).contains(Channel.PRESENCE);

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
        assertThat(hub.subscribe(ada.clientId(), "activity")).isEmpty();
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
        assertThat(hub.subscribe(ada.clientId(), "gossip")).isEmpty();
        assertThat(hub.subscribe(ada.clientId(), "metrics")).isPresent();
        assertThat(hub.subscribe(ada.clientId(), "metrics")).isEmpty();
        assertThat(transport.repliesTo(ada.clientId(), SubscribedMessage.class))
                .flatExtracting(SubscribedMessage::failed).extracting(SubscriptionFailure::reason)
                .containsExactly(ErrorCode.CHANNEL_NOT_FOUND, ErrorCode.ALREADY_SUBSCRIBED);
    }

    @Test
    void aSessionJoinsAtMostTheConfiguredNumberOfChannels() {
        Hub hub = hub(c -> c.maxSubscriptionsPerSession(2), b -> { });
        Session grace = hub.connect(admin);
        for (String document : List.of("a", "b", "c")) {
            hub.subscribe(grace.clientId(), "collaboration." + document);
        }
        assertThat(hub.registry().subscriptionCount(grace.clientId())).isEqualTo(2);
        assertThat(transport.repliesTo(grace.clientId(), SubscribedMessage.class))
                .flatExtracting(SubscribedMessage::failed)
                .containsExactly(new SubscriptionFailure("collaboration.c", ErrorCode.TOO_MANY_SUBSCRIPTIONS));
        hub.unsubscribe(grace.clientId(), "collaboration.a");
        assertThat(hub.subscribe(grace.clientId(), "collaboration.c")).isPresent();
    }

    @Test
    void aPublishReachesEverySubscriberAsDataWithSenderSequenceEpochAndTimestamp() {
        Hub hub = hub();
        Session watching = subscribed(hub, watcher, "activity");
        Session grace = hub.connect(admin);
        for (String text : List.of("one", "two", "three")) {
            assertThat(hub.receive(grace.clientId(), PublishMessage.class,
                    publishBody(Channel.ACTIVITY, activity(text)))).isTrue();
        }
        List<DataMessage> activity = dataTo(watching, "activity");
        assertThat(activity).hasSize(3).allSatisfy(data -> {
            assertThat(data.sender()).isEqualTo(new Sender("grace", grace.clientId()));
            assertThat(data.epoch()).isEqualTo(hub.history().position("activity").epoch());
            assertThat(data.timestamp()).isEqualTo(clock.millis());
        });
        assertThat(activity).extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L);
        assertThat(activity).extracting(data -> data.payload().get("message").asString())
                .containsExactly("one", "two", "three");
        assertThat(transport.broadcastsTo(grace.clientId(), "activity")).as("not subscribed").isEmpty();
    }

    @Test
    void aMemberMayNotPublishAndNothingIsStored() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.receive(ada.clientId(), PublishMessage.class,
                publishBody(Channel.ANNOUNCEMENTS, announcement("Fire drill")))).isFalse();
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        assertThat(lastError(ada.clientId()).message()).contains("'member'").contains("'announcements'");
        assertThat(hub.history().position("announcements").sequence()).isZero();
    }

    @Test
    void aCallerWhoMayNotPublishLearnsNothingOfThePayloadSchema() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        String untitled = "{\"type\":\"PUBLISH\",\"channel\":\"announcements\",\"payload\":{\"id\":\"n1\"}}";
        assertThat(hub.receive(ada.clientId(), PublishMessage.class, untitled.getBytes(UTF_8))).isFalse();
        ErrorMessage error = lastError(ada.clientId());
        assertThat(error.code()).as("authorized before the payload is validated").isEqualTo(ErrorCode.PUBLISH_DENIED);
        assertThat(error.details()).isNull();
    }

    @Test
    void anInvalidPayloadIsRefusedNamingTheFieldAfterTheRateLimitTookItsToken() {
        Hub hub = hub(c -> c.rateLimit(new RateLimitConfig(2, Duration.ofSeconds(60))), b -> { });
        Session grace = hub.connect(admin);
        String body = "{\"type\":\"PUBLISH\",\"channel\":\"activity\",\"payload\":{\"id\":\"1\",\"type\":\"action\","
                + "\"userId\":\"grace\",\"timestamp\":\"2026-02-02T09:00:00Z\"}}";
        hub.receive(grace.clientId(), PublishMessage.class, body.getBytes(UTF_8));
        ErrorMessage error = lastError(grace.clientId());
        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.details().get("field").asString()).isEqualTo("payload.message");
        hub.receive(grace.clientId(), PublishMessage.class, body.getBytes(UTF_8));
        hub.receive(grace.clientId(), PublishMessage.class, body.getBytes(UTF_8));
        assertThat(lastError(grace.clientId()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(hub.history().position("activity").sequence()).isZero();
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
    }

    @Test
    void aPublishIsDeliveredOnlyAfterHistoryStoredIt() {
        FailingHistoryStore history = historyThatCanFail();
        Hub hub = hub(c -> { }, b -> b.history(history));
        Session watching = subscribed(hub, watcher, "activity");
        Session grace = hub.connect(admin);
        history.down(true);
        assertThat(hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY,
                activity("lost")))).isFalse();
        assertThat(lastError(grace.clientId()).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(dataTo(watching, "activity")).isEmpty();

        history.down(false);
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("kept")));
        assertThat(dataTo(watching, "activity")).singleElement().satisfies(data -> {
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
        }
        assertThat(hub.subscribe(grace.clientId(), "activity")).as("history cannot say where to start").isEmpty();
        assertThat(transport.repliesTo(grace.clientId(), ErrorMessage.class)).hasSize(5)
                .extracting(ErrorMessage::code).containsOnly(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(transport.repliesTo(grace.clientId(), SubscribedMessage.class)).singleElement()
                .satisfies(s -> assertThat(s.failed().get(0).reason()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(transport.closes()).isEmpty();

        for (int i = 0; i < 3; i++) {
            hub.receive(grace.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        }
        assertThat(transport.closes()).as("three client faults are within the abuse limit").isEmpty();
        hub.receive(grace.clientId(), PingMessage.class, "garbage".getBytes(UTF_8));
        assertThat(transport.closes()).singleElement().extracting(RecordingTransport.Close::code)
                .isEqualTo(CloseCode.POLICY_VIOLATION);
    }

    @Test
    void batchedChannelsGoOutAsBatchesInSequenceOrder() {
        ManualScheduler flushes = new ManualScheduler();
        Hub hub = hub(c -> { }, b -> b.flushScheduler(flushes));
        Session watching = subscribed(hub, watcher, "metrics");
        for (int i = 0; i < 3; i++) {
            hub.publish(admin, Channel.METRICS, new MetricsPayload(clock.instant().toString(),
                    new HostMetrics(10.0 + i, 20.0, 30.0, new NetworkMetrics(1.0, 2.0)), List.of()));
        }
        clock.advance(Duration.ofMillis(49));
        flushes.runPending();
        assertThat(transport.broadcastsTo(watching.clientId(), "metrics")).as("49 ms is not yet due").isEmpty();
        clock.advance(Duration.ofMillis(1));
        flushes.runPending();
        assertThat(transport.broadcastsTo(watching.clientId(), "metrics")).singleElement()
                .isInstanceOfSatisfying(BatchMessage.class, batch -> assertThat(batch.messages())
                        .extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L));
    }

    @Test
    void aHookRunsBeforeSequencingAndMayRewriteOrRefuseNamingAField() {
        Hub hub = hub(c -> { }, b -> b.hook(ChannelKind.ACTIVITY, (who, channel, payload) -> {
            ActivityPayload activity = (ActivityPayload) payload;
            if (activity.message().contains("forbidden")) {
                throw new YujianException(ErrorCode.INVALID_MESSAGE, "Activity 'forbidden' is not allowed",
                        "payload.message");
            }
            return new ActivityPayload("server-id", activity.type(), who.userId(), activity.message(), null,
                    activity.timestamp());
        }));
        Session watching = subscribed(hub, watcher, "activity");
        Session grace = hub.connect(admin);
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("fine")));
        hub.receive(grace.clientId(), PublishMessage.class, publishBody(Channel.ACTIVITY, activity("forbidden")));
        assertThat(dataTo(watching, "activity")).singleElement()
                .satisfies(data -> assertThat(data.payload().get("id").asString()).isEqualTo("server-id"));
        assertThat(lastError(grace.clientId()).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(lastError(grace.clientId()).details().get("field").asString()).isEqualTo("payload.message");
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
        assertThat(hub.presence().get("ada")).isPresent();
    }

    @Test
    void observersSeeEachPublishOnceWithItsPositionAndPayloadRecord() {
        List<Object> seen = new ArrayList<>();
        Hub hub = hub(c -> { }, b -> b.observer(new HubObserver() {
            @Override
            public void published(Published message, Object payload) {
                if (message.channel().equals("activity")) {
                    seen.add(message.sequence() + ":" + ((ActivityPayload) payload).message());
                }
            }
        }));
        hub.publish(admin, Channel.ACTIVITY, activity("x"));
        hub.publish(admin, Channel.ACTIVITY, activity("y"));
        assertThat(seen).containsExactly("1:x", "2:y");
    }

    @Test
    void aServerPublishChecksNoRoleButValidatesThePayload() {
        Hub hub = hub();
        Identity device = new Identity("badge-reader", "device", "Badge reader");
        Published published = hub.publish(device, Channel.ACTIVITY, activity("checked in"));
        assertThat(published.sequence()).isEqualTo(1);
        DataMessage data = (DataMessage) codec.decodeServer(published.data());
        assertThat(data.sender()).isEqualTo(new Sender("badge-reader", "node-t"));
        assertThatThrownBy(() -> hub.publish(device, Channel.ANNOUNCEMENTS, activity("wrong shape")))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void kickingClosesTheSessionAndUpdatesPresence() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        assertThat(hub.kick(ada.clientId(), CloseCode.POLICY_VIOLATION, "Disconnected by an admin")).isTrue();
        assertThat(transport.closes()).singleElement().satisfies(close -> {
            assertThat(close.code()).isEqualTo(CloseCode.POLICY_VIOLATION);
            assertThat(close.reason()).isEqualTo("Disconnected by an admin");
        });
        assertThat(hub.presence().get("ada")).isEmpty();
        assertThat(hub.kick(ada.clientId(), CloseCode.POLICY_VIOLATION, "again")).as("gone").isFalse();
        assertThat(hub.kick("ws_another-node_1abc", CloseCode.POLICY_VIOLATION, "x")).as("no such node").isFalse();
    }

    @Test
    void leavingAChannelIsConfirmedOnceAndEndsDelivery() {
        Hub hub = hub();
        Session ada = subscribed(hub, member, "metrics");
        hub.unsubscribe(ada.clientId(), "metrics");
        hub.unsubscribe(ada.clientId(), "metrics");
        assertThat(transport.repliesTo(ada.clientId(), UnsubscribedMessage.class)).singleElement()
                .satisfies(reply -> assertThat(reply.channels()).containsExactly("metrics"));
        assertThat(hub.registry().subscriberCount("metrics")).isZero();
    }

    @Test
    void connectionsListThisNodesSessionsWithTheirChannels() {
        Hub hub = hub();
        Session ada = subscribed(hub, member, "presence", "metrics");
        assertThat(hub.connections()).singleElement().satisfies(connection -> {
            assertThat(connection.clientId()).isEqualTo(ada.clientId());
            assertThat(connection.node()).isEqualTo("node-t");
            assertThat(connection.channels()).containsExactlyInAnyOrder("presence", "metrics");
        });
    }
}
