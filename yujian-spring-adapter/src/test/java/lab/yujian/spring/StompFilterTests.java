package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.ServerMessage;
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

/** Subscriptions with a {@code filter} header, over real STOMP on real WebSockets. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompFilterTests extends StompServerTest {

    private static final String BENCH_3 = "Bench 3";

    private StompTestClient at(String userId, String location) {
        StompTestClient client = connected(userId, "member");
        client.send("/app/presence", "{\"type\":\"PRESENCE_UPDATE\",\"status\":\"online\",\"location\":\"" + location
                + "\"}", Map.of("receipt", "at-" + userId));
        client.await(f -> ("at-" + userId).equals(f.header("receipt-id")));
        return client;
    }

    private StompTestClient watcher(String filter) {
        StompTestClient watcher = open();
        watcher.connect(TestTokens.token("watcher", "member"));
        watcher.subscribe(StompTestClient.REPLIES, "replies");
        watcher.subscribe("/topic/presence", "p", Map.of("filter", filter));
        return watcher;
    }

    private long presenceSequence() {
        return hub.history().position("presence").sequence();
    }

    /**
     * The sequences the topic carried after {@code after} up to {@code last}, checking that each DATA
     * matches the filter; what arrived at or below {@code after} (before INITIAL_DATA) is dropped, as a
     * client does.
     */
    private static List<Long> topicSequences(StompTestClient client, long after, long last) {
        List<Long> seen = new ArrayList<>();
        long at = 0;
        while (at < last) {
            StompFrame frame = client.await(f -> "/topic/presence".equals(f.header("destination"))
                    && f.header(StompTestClient.UNBATCHED) == null);
            ServerMessage message = StompTestClient.decode(frame);
            List<Long> sequences = new ArrayList<>();
            if (message instanceof SkipMessage skip) {
                sequences.add(skip.sequence());
            } else if (message instanceof DataMessage data) {
                assertThat(data.payload().path("location").asString("")).isEqualTo(BENCH_3);
                sequences.add(data.sequence());
            } else if (message instanceof BatchMessage batch) {
                for (DataMessage data : batch.messages()) {
                    assertThat(data.payload().path("location").asString("")).isEqualTo(BENCH_3);
                    sequences.add(data.sequence());
                }
            }
            sequences.stream().filter(sequence -> sequence > after).forEach(seen::add);
            at = sequences.isEmpty() ? at : sequences.get(sequences.size() - 1);
        }
        return seen;
    }

    private static List<Long> range(long fromExclusive, long toInclusive) {
        List<Long> all = new ArrayList<>();
        for (long s = fromExclusive + 1; s <= toInclusive; s++) {
            all.add(s);
        }
        return all;
    }

    @Test
    void aFilteredPresenceSubscriptionSeesOnlyItsLocationAndRecoversExactlyBySync() {
        at("ana", BENCH_3);
        at("ben", "Bench 1");
        StompTestClient watcher = watcher("location==" + BENCH_3);
        assertThat(watcher.awaitReply(SubscribedMessage.class).channels()).containsExactly("presence");
        InitialDataMessage initial = watcher.awaitReply(InitialDataMessage.class);
        assertThat(initial.payload().findValuesAsString("userId")).containsExactly("ana");

        at("cai", BENCH_3);
        at("dan", "Bench 2");
        long last = presenceSequence();

        // Live: a DATA for each change at Bench 3, a SKIP for every other, and no gap
        assertThat(topicSequences(watcher, initial.sequence(), last)).containsExactlyElementsOf(range(initial.sequence(), last));

        watcher.send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"presence\",\"lastSequence\":"
                + initial.sequence() + ",\"epoch\":\"" + initial.epoch() + "\"}");
        SyncResponseMessage sync = watcher.awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.messages()).allSatisfy(m -> assertThat(m.payload().path("location").asString("")).isEqualTo(BENCH_3));
        assertThat(sync.messages()).extracting(m -> m.payload().get("userId").asString()).contains("cai");
        List<Long> covered = new ArrayList<>(sync.skipped());
        sync.messages().forEach(m -> covered.add(m.sequence()));
        covered.sort(null);
        assertThat(covered).containsExactlyElementsOf(range(initial.sequence(), sync.currentSequence()));
    }

    @Test
    void aMalformedFilterIsRefusedWithInvalidMessageNamingTheHeader() {
        StompTestClient watcher = watcher("location");
        ErrorMessage error = watcher.awaitReply(ErrorMessage.class);
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(error.message()).contains("'filter'");
        assertThat(error.details().get("field").asString()).isEqualTo("filter");
        watcher.barrier();
        assertThat(watcher.hasReceived(f -> f.body() != null && f.body().contains("\"SUBSCRIBED\""))).isFalse();
        assertThat(hub.registry().subscriberCount("presence")).isZero();
    }

    @Test
    void anUnfilteredSubscriberBesideAFilteredOneGetsEveryDataAndNoSkip() {
        StompTestClient plain = connected("plain", "member", "presence");
        StompTestClient filtered = watcher("location==" + BENCH_3);
        filtered.awaitReply(SubscribedMessage.class);
        plain.awaitReply(InitialDataMessage.class);
        at("eve", "Bench 9");
        long last = presenceSequence();
        plain.await(f -> "/topic/presence".equals(f.header("destination"))
                && StompTestClient.decode(f) instanceof DataMessage d && d.sequence() == last);
        plain.barrier();
        assertThat(plain.hasReceived(f -> f.body() != null && f.body().contains("\"SKIP\""))).isFalse();
    }
}
