package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.RawWebSocket;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A subscriber that stops reading: the server must not queue for it without bound, must not hold up
 * anyone else, and must close it with 4500 so that it reconnects and recovers by sync.
 */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yujian.send-buffer-size-limit=256KB", "yujian.send-time-limit=2s",
                "yujian.batch.bursts=presence"}) // activity unbatched: the fast reader reads in lockstep
class StompSlowConsumerTests extends StompServerTest {

    private static final int MESSAGES = 12_000;

    private StompTestClient connected(String userId) {
        StompTestClient client = connected(userId, "admin", "activity");
        client.awaitReply(InitialDataMessage.class);
        return client;
    }

    @Test
    void aClientThatStopsReadingIsClosedAsSlowWhileOthersGetEverythingInOrder() throws Exception {
        RawWebSocket slow = RawWebSocket.open(port, "/ws"); // reads nothing until told to
        slow.sendText("CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer "
                + TestTokens.token("slow", "admin") + "\n\n\0SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0"
                + "SUBSCRIBE\nid:a\ndestination:/topic/activity\nreceipt:live\n\n\0");
        StompTestClient fast = connected("fast");
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.registry().subscriberCount("activity") < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        String slowId = hub.registry().clientIdsOf("slow").iterator().next();

        String filler = "x".repeat(1024); // ~1.2 KB a message, 14 MB in all: more than loopback buffers hold
        long first = 0;
        for (int i = 0; i < MESSAGES; i++) {
            Published data = hub.publish(new Identity("root", "admin", "Root"), Channel.ACTIVITY, activity(i, filler));
            first = i == 0 ? data.sequence() : first;
            // A reader that keeps up: it has every message before the next publish
            assertThat(fast.awaitTopic("activity", DataMessage.class).sequence()).isEqualTo(first + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hub.registry().get(slowId).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hub.registry().get(slowId)).as("the slow session is gone from the hub").isEmpty();
        // 4500, or 1006 when the socket was too full for the close frame: then the server dropped the connection
        assertThat(slow.awaitClose(Duration.ofSeconds(10))).isIn(4500, 1006);
        slow.close();

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
