package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.protocol.UnsubscribedMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

/** The protocol contract over real STOMP on real WebSockets, against the adapter on a random port. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompContractTests extends StompServerTest {

    private static String activity(String id) {
        return "{\"channel\":\"activity\",\"payload\":{\"id\":\"" + id + "\",\"type\":\"action\",\"userId\":\"root\","
                + "\"message\":\"" + id + "\",\"timestamp\":\"2026-02-02T09:00:00Z\"}}";
    }

    @Test
    void aValidTokenGetsConnectedWithClientIdUserNameAndHeartBeat() {
        StompFrame connected = open(Map.of()).connect(TestTokens.token("ada", "member"));
        assertThat(connected.command()).isEqualTo("CONNECTED");
        assertThat(connected.header("client-id")).startsWith("ws_test-node_");
        assertThat(connected.header("user-name")).isEqualTo("ada");
        assertThat(connected.header("heart-beat")).isEqualTo("10000,10000");
        assertThat(hub.registry().get(connected.header("client-id"))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged", "expired", "unsigned", "otherAlgorithm", "withoutExpiry", "garbage", "none"})
    void badCredentialsGetAuthenticationFailedAndAreClosedWith1008(String kind) {
        String token = switch (kind) {
            case "forged" -> TestTokens.forged("ada", "admin");
            case "expired" -> TestTokens.expired("ada", "admin");
            case "unsigned" -> TestTokens.unsigned("ada", "admin");
            case "otherAlgorithm" -> TestTokens.otherAlgorithm("ada", "admin");
            case "withoutExpiry" -> TestTokens.withoutExpiry("ada", "admin");
            case "garbage" -> "not-a-jwt";
            default -> null;
        };
        StompTestClient client = open(Map.of());
        StompFrame error = client.connect(token);
        assertThat(error.command()).isEqualTo("ERROR");
        assertThat(error.header("message")).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(StompTestClient.decode(new StompFrame("MESSAGE", Map.of(), error.body())))
                .isInstanceOfSatisfying(ErrorMessage.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
        assertThat(client.awaitClose()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
        assertThat(hub.registry().clientIdsOf("ada")).isEmpty();
    }

    @Test
    void theSessionCookieAuthenticatesABrowserHandshake() {
        StompTestClient client = open(Map.of("Cookie", "yujian_session=" + TestTokens.token("grace", "admin")));
        assertThat(client.connect(null).header("user-name")).isEqualTo("grace");
    }

    @Test
    void foreignOriginsAreRefusedAtTheHandshakeAndLocalhostIsAllowed() {
        assertThatThrownBy(() -> open(Map.of("Origin", "https://evil.example"))).hasStackTraceContaining("403");
        StompTestClient local = open(Map.of("Origin", "http://localhost:5173"));
        assertThat(local.connect(TestTokens.token("ada", "member")).command()).isEqualTo("CONNECTED");
    }

    @Test
    void anAllowedSubscriptionGetsSubscribedThenInitialDataWithTheSequence() {
        StompTestClient ada = open(Map.of());
        ada.connect(TestTokens.token("ada-initial", "member"));
        ada.subscribeAll("presence");
        assertThat(ada.awaitReply(SubscribedMessage.class).channels()).containsExactly("presence");
        InitialDataMessage initial = ada.awaitReply(InitialDataMessage.class);
        assertThat(initial.channel()).isEqualTo("presence");
        assertThat(initial.sequence()).isEqualTo(hub.history().position("presence").sequence());
        assertThat(initial.payload().findValuesAsString("userId")).contains("ada-initial");
    }

    @Test
    void aMemberIsDeniedActivityButStaysConnected() {
        StompTestClient ada = connected("ada", "member");
        ada.subscribe("/topic/activity", "a1");
        SubscribedMessage denied = ada.awaitReply(SubscribedMessage.class);
        assertThat(denied.channels()).isEmpty();
        assertThat(denied.failed()).containsExactly(new SubscriptionFailure("activity", ErrorCode.ACCESS_DENIED));
        ada.send("/app/ping", "{\"timestamp\":7}");
        assertThat(ada.awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(7);
        assertThat(ada.isClosed()).isFalse();
    }

    @Test
    void unknownChannelsAndForeignDestinationsAreRefused() {
        StompTestClient ada = connected("ada", "member");
        ada.subscribe("/topic/gossip", "g1");
        assertThat(ada.awaitReply(SubscribedMessage.class).failed())
                .containsExactly(new SubscriptionFailure("gossip", ErrorCode.CHANNEL_NOT_FOUND));
        ada.subscribe("/queue/replies-user" + "someone-else", "spy");
        assertThat(ada.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        ada.send("/app/shout", "{}");
        assertThat(ada.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_TYPE);
    }

    @Test
    void threeSubscribersSeeFivePublishesWithConsecutiveSequences() {
        List<StompTestClient> subscribers = List.of(connected("s1", "admin", "activity"),
                connected("s2", "admin", "activity"), connected("s3", "admin", "activity"));
        StompTestClient publisher = connected("root", "admin");
        long before = hub.history().position("activity").sequence();
        for (int i = 1; i <= 5; i++) {
            publisher.send("/app/publish", activity("five-" + i));
        }
        for (StompTestClient subscriber : subscribers) {
            List<Long> sequences = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                DataMessage data = subscriber.awaitTopic("activity", DataMessage.class);
                assertThat(data.payload().get("message").asString()).isEqualTo("five-" + i);
                assertThat(data.sender().userId()).isEqualTo("root");
                sequences.add(data.sequence());
            }
            assertThat(sequences).containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5);
        }
    }

    @Test
    void aSendStraightToATopicIsRefusedAndReachesNoSubscriber() {
        StompTestClient watcher = connected("watcher", "admin", "activity");
        StompTestClient root = connected("root", "admin");
        root.send("/topic/activity", activity("smuggled"));
        ErrorMessage refused = root.awaitReply(ErrorMessage.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        root.send("/app/publish", activity("proper"));
        assertThat(watcher.awaitTopic("activity", DataMessage.class).payload().get("message").asString())
                .isEqualTo("proper");
    }

    @Test
    void aSubscriberThatMissedSevenMessagesRecoversThemInOrder() {
        StompTestClient root = connected("root", "admin");
        StompTestClient first = connected("reader", "admin", "activity");
        root.send("/app/publish", activity("seen"));
        DataMessage seen = first.awaitTopic("activity", DataMessage.class);
        first.close();
        for (int i = 1; i <= 7; i++) {
            root.send("/app/publish", activity("missed-" + i));
        }
        root.send("/app/ping", "{\"timestamp\":1}");
        root.awaitReply(PongMessage.class); // the seven are sequenced before the pong

        StompTestClient again = connected("reader", "admin");
        again.send("/app/sync", "{\"channel\":\"activity\",\"lastSequence\":" + seen.sequence()
                + ",\"epoch\":\"" + seen.epoch() + "\"}");
        SyncResponseMessage sync = again.awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.messages()).extracting(m -> m.payload().get("message").asString())
                .containsExactly("missed-1", "missed-2", "missed-3", "missed-4", "missed-5", "missed-6", "missed-7");
        assertThat(sync.messages()).extracting(DataMessage::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(seen.sequence() + 1,
                        seen.sequence() + 7).boxed().toList());
        assertThat(sync.currentSequence()).isEqualTo(seen.sequence() + 7);
    }

    @Test
    void invalidJsonAndAMissingFieldGetErrorsAndThenAPingStillAnswers() {
        StompTestClient ada = connected("ada", "member");
        ada.send("/app/ping", "{\"timestamp\":");
        assertThat(ada.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        ada.send("/app/sync", "{\"channel\":\"presence\"}");
        ErrorMessage missing = ada.awaitReply(ErrorMessage.class);
        assertThat(missing.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(missing.message()).contains("lastSequence");
        ada.send("/app/ping", "{\"timestamp\":99}");
        assertThat(ada.awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(99);
    }

    @Test
    void presenceShowsOnlineThenAwayWithALocationThenOffline() {
        StompTestClient watcher = connected("watcher", "admin", "presence");
        watcher.awaitReply(InitialDataMessage.class);
        StompTestClient mei = connected("mei", "member");
        assertThat(nextPresenceOf(watcher, "mei").get("status").asString()).isEqualTo("online");
        mei.send("/app/presence", "{\"status\":\"away\",\"location\":\"Bio lab\"}");
        var away = nextPresenceOf(watcher, "mei");
        assertThat(away.get("status").asString()).isEqualTo("away");
        assertThat(away.get("location").asString()).isEqualTo("Bio lab");
        mei.close();
        assertThat(nextPresenceOf(watcher, "mei").get("status").asString()).isEqualTo("offline");
    }

    private static tools.jackson.databind.JsonNode nextPresenceOf(StompTestClient watcher, String userId) {
        StompFrame frame = watcher.await(f -> StompTestClient.decode(f) instanceof DataMessage d
                && d.channel().equals("presence") && d.payload().get("userId").asString().equals(userId));
        return ((DataMessage) StompTestClient.decode(frame)).payload();
    }

    @Test
    void receiptsConfirmSubscriptionsAndCarriedOutSends() {
        StompTestClient grace = open(Map.of());
        grace.connect(TestTokens.token("grace", "admin"));
        grace.sendRaw("SUBSCRIBE\nid:r\ndestination:/user/queue/replies\nreceipt:r-1\n\n\0");
        grace.await(f -> f.command().equals("RECEIPT") && "r-1".equals(f.header("receipt-id")));
        grace.sendRaw("SUBSCRIBE\nid:m\ndestination:/topic/metrics\nreceipt:m-1\n\n\0");
        grace.await(f -> f.command().equals("RECEIPT") && "m-1".equals(f.header("receipt-id")));
        grace.send("/app/ping", "{\"timestamp\":1}", Map.of("receipt", "p-1"));
        grace.await(f -> f.command().equals("RECEIPT") && "p-1".equals(f.header("receipt-id")));
        grace.send("/app/ping", "{}", Map.of("receipt", "p-2"));
        assertThat(grace.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.MISSING_FIELD);
        grace.barrier();
        assertThat(grace.hasReceived(f -> "p-2".equals(f.header("receipt-id")))).isFalse();
    }

    @Test
    void unsubscribingIsConfirmedAndStopsDelivery() {
        StompTestClient reader = connected("reader2", "admin", "activity");
        reader.unsubscribe("sub-activity");
        assertThat(reader.awaitReply(UnsubscribedMessage.class).channels()).containsExactly("activity");
        StompTestClient root = connected("root", "admin", "activity");
        root.send("/app/publish", activity("after-unsubscribe"));
        root.send("/app/publish", activity("after-that"));
        root.awaitTopic("activity", DataMessage.class);
        root.awaitTopic("activity", DataMessage.class); // the first publish has reached every subscriber
        reader.barrier();
        assertThat(reader.hasReceived(f -> "/topic/activity".equals(f.header("destination")))).isFalse();
    }

    @Test
    void anAdminCanCloseASessionAndPresenceFollows() {
        StompTestClient kim = open(Map.of());
        String clientId = kim.connect(TestTokens.token("kim", "member")).header("client-id");
        hub.kick(clientId, CloseCode.POLICY_VIOLATION, "Disconnected by an admin");
        assertThat(kim.awaitClose()).isEqualTo(1008);
        assertThat(kim.closeReason()).isEqualTo("Disconnected by an admin");
        assertThat(hub.presence().get("kim")).isEmpty();
    }
}
