package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A subscriber that stops reading: the server must not queue for it without bound, must not hold up
 * anyone else, and must close it with 4500 so that it reconnects and recovers by sync.
 */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yujian.send-buffer-size-limit=256KB", "yujian.send-time-limit=2s"})
class StompSlowConsumerTests extends StompServerTest {

    private static final int MESSAGES = 12_000;

    private StompTestClient connected(String userId) {
        StompTestClient client = connected(userId, "admin", "activity");
        client.awaitReply(InitialDataMessage.class);
        return client;
    }

    @Test
    void aClientThatStopsReadingIsClosedAsSlowWhileOthersGetEverythingInOrder() throws Exception {
        StompTestClient slow = connected("slow");
        StompTestClient fast = connected("fast");
        String slowId = hub.registry().clientIdsOf("slow").iterator().next();
        slow.pauseReading();

        String filler = "x".repeat(1024); // ~1.2 KB a message, 14 MB in all: more than loopback buffers hold
        long first = 0;
        for (int i = 0; i < MESSAGES; i++) {
            DataMessage data = hub.publish(new Identity("root", "admin", "Root"), Channel.ACTIVITY, activity(i, filler));
            first = i == 0 ? data.sequence() : first;
            // A reader that keeps up: it has every message before the next publish
            assertThat(fast.awaitTopic("activity", DataMessage.class).sequence()).isEqualTo(first + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hub.registry().get(slowId).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hub.registry().get(slowId)).as("the slow session is gone from the hub").isEmpty();
        slow.resumeReading();
        assertThat(slow.awaitClose()).isIn(4500, 1006); // 1006 if the close frame could not get through

        StompTestClient back = connected("slow");
        long last = first + MESSAGES - 1;
        back.send("/app/sync", "{\"channel\":\"activity\",\"lastSequence\":" + (last - 500) + "}");
        SyncResponseMessage sync = back.awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.messages()).hasSize(500);
        assertThat(sync.messages().get(499).sequence()).isEqualTo(last);
    }

    private static Map<String, Object> activity(int i, String filler) {
        return Map.of("id", "slow-" + i, "type", "action", "userId", "root", "message", "m" + i,
                "metadata", Map.of("filler", filler), "timestamp", "2026-02-02T09:00:00Z");
    }
}
