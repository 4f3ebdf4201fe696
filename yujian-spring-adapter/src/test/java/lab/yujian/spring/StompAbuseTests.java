package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Abuse at the seed's default limits: floods, garbage and oversize frames. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompAbuseTests extends StompServerTest {

    private StompTestClient connected(String userId) {
        return connected(userId, "member");
    }

    @Test
    void fourHundredFastSendsHitTheRateLimitAndPersistentAbuseClosesTheSession() {
        StompTestClient flooder = connected("flooder");
        long started = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < 400 && !flooder.isClosed(); i++) {
            try {
                flooder.send("/app/ping", "{\"timestamp\":" + i + "}");
                sent++;
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        // Replies keep the order of the sends: the first 100 pass, and then only the permits the bucket
        // refilled meanwhile (100 per minute, continuously: one per 0.6 s on a slow machine)
        ServerMessage limited = null;
        int passed = 0;
        while (limited == null) {
            ServerMessage reply = flooder.awaitReply(ServerMessage.class);
            if (reply instanceof PongMessage pong) {
                assertThat(pong.clientTimestamp()).as("reply %d", passed).isEqualTo(passed);
                passed++;
            } else {
                limited = reply;
            }
        }
        double refilled = (System.nanoTime() - started) / 1e9 * 100 / 60;
        assertThat(passed).isBetween(100, 100 + (int) Math.ceil(refilled));
        assertThat(limited).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) limited).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(((ErrorMessage) limited).message()).contains("user flooder");
        assertThat(sent).isGreaterThan(200);
        assertThat(flooder.awaitClose()).isEqualTo(1008);
        assertThat(flooder.closeReason()).isEqualTo("Too many refused messages");
    }

    @Test
    void garbageFramesFromTwentySocketsLeaveTheServerServingOthers() {
        StompTestClient bystander = connected("bystander");
        Random random = new Random(42);
        List<StompTestClient> vandals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StompTestClient vandal = open();
            vandals.add(vandal);
            if (i % 2 == 0) {
                vandal.connect(TestTokens.token("vandal" + i, "member"));
            }
            try {
                vandal.sendRaw(i % 5 == 0 ? "SUBSCRIBE\nid\n\n\0" : noise(random) + "\n" + noise(random) + "\0");
                vandal.sendRaw(noise(random)); // no line break: an incomplete frame, held within the size limit
            } catch (RuntimeException alreadyClosed) {
                // the server may close before the second write
            }
            bystander.send("/app/ping", "{\"timestamp\":" + i + "}");
            assertThat(bystander.awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(i);
        }
        for (StompTestClient vandal : vandals) {
            assertThat(vandal.awaitClose()).isEqualTo(1002);
        }
        StompTestClient newcomer = connected("newcomer");
        newcomer.subscribe("/topic/presence", "p");
        assertThat(newcomer.awaitReply(SubscribedMessage.class).channels()).containsExactly("presence");
    }

    private static String noise(Random random) {
        char[] chars = new char[32 + random.nextInt(256)];
        for (int i = 0; i < chars.length; i++) {
            char c = (char) (1 + random.nextInt(255));
            chars[i] = c == '\n' || c == '\r' ? 'x' : c;
        }
        return new String(chars);
    }

    @Test
    void aFrameOverTheSizeLimitClosesTheSessionWith1009() {
        StompTestClient big = connected("big");
        String payload = "x".repeat(80 * 1024);
        try {
            big.send("/app/ping", "{\"timestamp\":1,\"pad\":\"" + payload + "\"}");
        } catch (RuntimeException closedMeanwhile) {
            // fine: the close is what we check
        }
        StompFrame error = big.await(f -> f.command().equals("ERROR"));
        assertThat(error.header("message")).isEqualTo("INVALID_MESSAGE");
        assertThat(error.body()).contains("Frame too large");
        assertThat(big.awaitClose()).isEqualTo(1009);
    }
}
