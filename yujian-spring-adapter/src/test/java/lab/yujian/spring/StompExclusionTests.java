package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.SkipMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Server publishes that exclude some sessions, over real STOMP on real WebSockets. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompExclusionTests extends StompServerTest {

    private static final Identity ROOT = new Identity("root", Identity.ADMIN, "Root");

    private static Map<String, Object> activity(String id) {
        return Map.of("id", id, "type", "action", "userId", "root", "message", id,
                "timestamp", "2026-02-02T09:00:00Z");
    }

    private static Map<String, Object> cursor(int x) {
        return Map.of("type", "cursor", "documentId", "doc1", "userId", "root", "data", Map.of("x", x),
                "timestamp", "2026-02-02T09:00:00Z");
    }

    /** A session subscribed to the channels, and its client id. */
    private record Tab(StompTestClient client, String clientId) {
    }

    private Tab tab(String userId, String... channels) {
        StompTestClient client = open();
        String clientId = client.connect(TestTokens.token(userId, "admin")).header("client-id");
        client.subscribeAll(channels);
        for (String channel : channels) {
            assertThat(client.awaitReply(SubscribedMessage.class).channels()).containsExactly(channel);
        }
        return new Tab(client, clientId);
    }

    private static boolean isData(StompFrame frame) {
        return frame.body() != null && frame.body().startsWith("{\"type\":\"DATA\"");
    }

    @Test
    void anExcludedSessionGetsASkipInTheDatasPlaceAndSyncStillReturnsTheData() {
        Tab sender = tab("ada", "activity");
        Tab other = tab("ada", "activity");
        Tab bob = tab("bob", "activity");

        Published excluded = hub.publish(ROOT, Channel.ACTIVITY, activity("changed"), Set.of(sender.clientId()));
        Published next = hub.publish(ROOT, Channel.ACTIVITY, activity("next"));

        SkipMessage skip = sender.client().awaitTopic("activity", SkipMessage.class);
        assertThat(skip.sequence()).isEqualTo(excluded.sequence());
        assertThat(skip.epoch()).isEqualTo(excluded.epoch());
        assertThat(sender.client().awaitTopic("activity", DataMessage.class).sequence()).isEqualTo(next.sequence());
        sender.client().barrier();
        assertThat(sender.client().hasReceived(StompExclusionTests::isData)).isFalse();
        for (Tab reader : new Tab[] {other, bob}) {
            assertThat(reader.client().awaitTopic("activity", DataMessage.class).sequence()).isEqualTo(excluded.sequence());
            assertThat(reader.client().awaitTopic("activity", DataMessage.class).sequence()).isEqualTo(next.sequence());
            reader.client().barrier();
            assertThat(reader.client().hasReceived(f -> f.body() != null && f.body().contains("\"SKIP\""))).isFalse();
        }

        sender.client().send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"activity\",\"lastSequence\":"
                + (excluded.sequence() - 1) + ",\"epoch\":\"" + excluded.epoch() + "\"}");
        SyncResponseMessage sync = sender.client().awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.messages()).extracting(DataMessage::sequence).containsExactly(excluded.sequence(), next.sequence());
    }

    @Test
    void inABatchTheExcludedSessionGetsTheOthersAsDataAndASkipForItsOwn() {
        Tab sender = tab("ada", "collaboration.doc1");
        Tab other = tab("bob", "collaboration.doc1");
        Channel doc = Channel.collaboration("doc1");

        Published first = hub.publish(ROOT, doc, cursor(1));
        Published mine = hub.publish(ROOT, doc, cursor(2), Set.of(sender.clientId()));
        Published last = hub.publish(ROOT, doc, cursor(3));

        BatchMessage shared = other.client().awaitTopic("collaboration.doc1", BatchMessage.class);
        assertThat(shared.messages()).extracting(DataMessage::sequence)
                .containsExactly(first.sequence(), mine.sequence(), last.sequence());
        StompTestClient excluded = sender.client();
        assertThat(excluded.await(f -> isData(f) || f.body() != null && f.body().startsWith("{\"type\":\"BATCH\""))
                .body()).contains("\"sequence\":" + first.sequence());
        assertThat(excluded.awaitTopic("collaboration.doc1", SkipMessage.class).sequence()).isEqualTo(mine.sequence());
        assertThat(excluded.awaitTopic("collaboration.doc1", DataMessage.class).sequence()).isEqualTo(last.sequence());
    }
}
