package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Conflated subscriptions ({@code max-rate}) over real STOMP on real WebSockets. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompConflationTests extends StompServerTest {

    private static final Identity ROOT = new Identity("root", Identity.ADMIN, "Root");

    private static Map<String, Object> sample(int cpu) {
        return Map.of("timestamp", "2026-02-02T09:00:00Z",
                "metrics", Map.of("cpu", cpu, "memory", 50, "disk", 40, "network", Map.of("in", 1, "out", 2)),
                "services", List.of());
    }

    private StompTestClient subscriber(String destination, Map<String, String> headers) {
        StompTestClient client = open();
        client.connect(TestTokens.token("phone", "member"));
        client.subscribe(StompTestClient.REPLIES, "replies");
        client.subscribe(destination, "m", headers);
        return client;
    }

    /** The DATA sequences the client got on metrics, as DATA or inside BATCH, each frame once. */
    private static List<List<Long>> framesOfSequences(StompTestClient client) {
        List<List<Long>> frames = new ArrayList<>();
        while (client.hasReceived(StompConflationTests::isMetricsFrame)) {
            ServerMessage message = StompTestClient.decode(client.await(StompConflationTests::isMetricsFrame));
            if (message instanceof DataMessage data) {
                frames.add(List.of(data.sequence()));
            } else if (message instanceof BatchMessage batch) {
                frames.add(batch.messages().stream().map(DataMessage::sequence).toList());
            }
        }
        return frames;
    }

    private static boolean isMetricsFrame(StompFrame frame) {
        return "/topic/metrics".equals(frame.header("destination")) && frame.header(StompTestClient.UNBATCHED) == null;
    }

    @Test
    void aConflatedMetricsSubscriptionGetsAtMostNPerSecondEndingWithTheLatest() throws Exception {
        StompTestClient phone = subscriber("/topic/metrics", Map.of("max-rate", "2"));
        SubscribedMessage subscribed = phone.awaitReply(SubscribedMessage.class);
        assertThat(subscribed.conflated()).containsExactly("metrics");
        StompTestClient desk = connected("desk", "member", "metrics");
        phone.barrier();
        framesOfSequences(phone); // none yet, or what came before
        long start = System.nanoTime();
        Published last = null;
        for (int i = 0; i < 60; i++) { // 60 samples over about 1.5 s
            last = hub.publish(ROOT, Channel.METRICS, sample(i));
            Thread.sleep(25);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(700); // the last interval's latest goes out at its end
        phone.barrier();

        List<List<Long>> frames = framesOfSequences(phone);
        assertThat(frames).allSatisfy(frame -> assertThat(frame).hasSize(1)); // one latest DATA, no BATCH
        assertThat(frames.size()).isBetween(2, (int) Math.ceil(seconds * 2) + 2);
        assertThat(frames.get(frames.size() - 1)).containsExactly(last.sequence());
        List<Long> sequences = frames.stream().map(f -> f.get(0)).toList();
        assertThat(sequences).isSorted();

        desk.barrier();
        long deskCount = framesOfSequences(desk).stream().mapToLong(List::size).sum();
        assertThat(deskCount).isGreaterThanOrEqualTo(60); // an unconflated subscriber gets every sample
    }

    @Test
    void maxRateIsRefusedOnAnnouncementsAndWhenNotANumber() {
        StompTestClient announcements = subscriber("/topic/announcements", Map.of("max-rate", "2"));
        ErrorMessage refused = announcements.awaitReply(ErrorMessage.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(refused.details().get("field").asString()).isEqualTo("max-rate");

        StompTestClient garbage = subscriber("/topic/metrics", Map.of("max-rate", "fast"));
        assertThat(garbage.awaitReply(ErrorMessage.class).message()).contains("'max-rate'");
    }
}
