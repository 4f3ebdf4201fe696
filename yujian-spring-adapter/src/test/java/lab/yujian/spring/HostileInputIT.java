package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.RawWebSocket;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Hostile and careless clients, one test per class of bad input, over real sockets. Each asserts the exact
 * code and close code, that the session stays open where the contract says so, and that a healthy client
 * is served meanwhile. The last test runs the whole barrage and checks the log and the heap.
 */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yujian.connect-timeout=1s", "yujian.max-subscriptions-per-session=20"})
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends StompServerTest {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

    private StompTestClient bystander;
    /** Across tests (JUnit makes an instance per test), so that no bystander outlives its rate limit. */
    private static int pings;

    @BeforeEach
    void healthyClient() {
        bystander = connected("bystander-" + pings, "member", "presence");
    }

    /**
     * The healthy client still gets its PONG at once. It is replaced by a fresh user now and then, so that
     * its own pings stay within the rate limit (100 per minute per user).
     */
    private void bystanderIsServed() {
        int mark = ++pings;
        if (mark % 80 == 0) {
            bystander = connected("bystander-" + mark, "member", "presence");
        }
        bystander.send("/app/ping", "{\"timestamp\":" + mark + "}");
        bystander.await(f -> f.body().contains("\"PONG\"") && f.body().contains("\"clientTimestamp\":" + mark + "}"),
                Duration.ofSeconds(2));
    }

    private static ErrorMessage errorBody(StompFrame frame) {
        return (ErrorMessage) lab.yujian.protocol.json.MessageCodec.create()
                .decodeServer(frame.body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends raw text on a fresh socket and expects an ERROR frame with this code, then this close. A bare
     * socket reads exactly what the server wrote, in order, up to its close frame.
     */
    private StompFrame expectProtocolError(String frames, ErrorCode code, int closeCode, String messagePart) {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(frames);
            List<String> received = new java.util.ArrayList<>();
            assertThat(raw.awaitClose(CLOSE_WITHIN, received)).isEqualTo(closeCode);
            StompFrame error = received.stream().flatMap(text -> java.util.Arrays.stream(text.split("\0")))
                    .filter(text -> text.startsWith("ERROR\n")).map(StompFrame::parse).findFirst()
                    .orElseThrow(() -> new AssertionError("no ERROR frame before the close; got " + received));
            assertThat(error.header("message")).isEqualTo(code.name());
            assertThat(errorBody(error).code()).isEqualTo(code);
            assertThat(errorBody(error).message()).contains(messagePart);
            bystanderIsServed();
            return error;
        }
    }

    private static String connectFrame(String token, String extraHeaders) {
        return "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n"
                + extraHeaders + "\n\0";
    }

    @Test
    void forgedExpiredUnsignedSwappedAndExpiryLessTokensAreRefusedWith1008() {
        List<Supplier<String>> tokens = List.of(() -> TestTokens.forged("mallory", "admin"),
                () -> TestTokens.expired("mallory", "admin"), () -> TestTokens.unsigned("mallory", "admin"),
                () -> TestTokens.otherAlgorithm("mallory", "admin"), () -> TestTokens.withoutExpiry("mallory", "admin"),
                () -> "not.a.jwt");
        for (Supplier<String> token : tokens) {
            StompTestClient client = open();
            StompFrame answer = client.connect(token.get());
            assertThat(answer.command()).isEqualTo("ERROR");
            assertThat(answer.header("message")).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(client.awaitClose()).isEqualTo(1008);
            bystanderIsServed();
        }
        assertThat(hub.registry().clientIdsOf("mallory")).isEmpty();
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> open(Map.of("Origin", "https://evil.example")))
                .hasStackTraceContaining("403");
        bystanderIsServed();
    }

    @Test
    void aSecondConnectOnOneSocketIsAProtocolErrorNotAServerFailure() {
        String token = TestTokens.token("twice", "member");
        expectProtocolError(connectFrame(token, "") + connectFrame(token, ""), ErrorCode.INVALID_MESSAGE, 1002,
                "already connected");
    }

    @Test
    void aFrameBeforeConnectIsAProtocolError() {
        expectProtocolError("SEND\ndestination:/app/ping\n\n{\"timestamp\":1}\0", ErrorCode.INVALID_MESSAGE, 1002,
                "CONNECT first");
        expectProtocolError("SUBSCRIBE\nid:1\ndestination:/topic/presence\n\n\0", ErrorCode.INVALID_MESSAGE, 1002,
                "CONNECT first");
    }

    @Test
    void aHeartBeatBeforeConnectIsAProtocolError() {
        expectProtocolError("\n", ErrorCode.INVALID_MESSAGE, 1002, "CONNECT first");
    }

    @Test
    void anOutOfRangeHeartBeatHeaderIsAProtocolErrorNamingTheHeader() {
        for (String heartbeat : List.of("99999999999999999999,0", "99999999999,0", "ten,ten", "-5,0", "1000")) {
            String frame = "CONNECT\naccept-version:1.2\nheart-beat:" + heartbeat + "\nAuthorization:Bearer "
                    + TestTokens.token("beats", "member") + "\n\n\0";
            expectProtocolError(frame, ErrorCode.INVALID_MESSAGE, 1002, "heart-beat");
        }
        assertThat(hub.registry().clientIdsOf("beats")).isEmpty();
    }

    @Test
    void aConnectWithAnUnsupportedVersionIsRefusedNamingTheSupportedOnesAndRegistersNothing() {
        String frame = "CONNECT\naccept-version:9.9\nheart-beat:0,0\nAuthorization:Bearer "
                + TestTokens.token("future", "member") + "\n\n\0";
        expectProtocolError(frame, ErrorCode.INVALID_MESSAGE, 1002, "1.2");
        assertThat(hub.registry().clientIdsOf("future")).isEmpty();
        assertThat(hub.presence().get("future")).isEmpty();
    }

    @Test
    void aSubscribeWithoutIdIsRefusedNamingTheHeader() {
        StompFrame error = expectProtocolError(connectFrame(TestTokens.token("noid", "member"), "")
                + "SUBSCRIBE\ndestination:/topic/presence\n\n\0", ErrorCode.MISSING_FIELD, 1002, "'id'");
        assertThat(errorBody(error).details().get("field").asString()).isEqualTo("id");
    }

    @Test
    void aFrameOverTheSizeLimitGetsAnErrorThenClose1009() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(connectFrame(TestTokens.token("big", "member"), ""));
            raw.sendText("SEND\ndestination:/app/ping\n\n{\"timestamp\":1,\"pad\":\"" + "x".repeat(80 * 1024) + "\"}\0");
            List<String> frames = new java.util.ArrayList<>();
            assertThat(raw.awaitClose(CLOSE_WITHIN, frames)).isEqualTo(1009);
            assertThat(frames).anyMatch(frame -> frame.startsWith("ERROR\n") && frame.contains("message:INVALID_MESSAGE"));
        }
        bystanderIsServed();
    }

    @Test
    void invalidUtf8InATextFrameClosesOnlyThatSocket() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(new byte[] {'C', 'O', 'N', (byte) 0xC3, (byte) 0x28, '\n', '\n', 0});
            assertThat(raw.awaitClose(CLOSE_WITHIN)).isEqualTo(1007);
        }
        bystanderIsServed();
    }

    @Test
    void anIdleSocketThatNeverSendsConnectIsClosedWithinTheConnectTimeout() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            long start = System.nanoTime();
            assertThat(raw.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
        bystanderIsServed();
    }

    @Test
    void aSessionHoldsAtMostTheSubscriptionCapAndTheRestAreRefusedWithAReason() {
        StompTestClient greedy = connected("greedy", "admin");
        for (int i = 0; i < 25; i++) {
            greedy.subscribe("/topic/collaboration.doc-" + i, "c" + i);
        }
        int joined = 0;
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            SubscribedMessage answer = greedy.awaitReply(SubscribedMessage.class);
            joined += answer.channels().size();
            for (SubscriptionFailure failure : answer.failed()) {
                assertThat(failure.reason()).isEqualTo(ErrorCode.TOO_MANY_SUBSCRIPTIONS);
                refused++;
            }
        }
        assertThat(joined).isEqualTo(20);
        assertThat(refused).isEqualTo(5);
        assertThat(greedy.isClosed()).isFalse();
        bystanderIsServed();
    }

    @Test
    void wrongTypedAndMalformedBodiesAreRefusedAndTheSessionStaysOpen() {
        StompTestClient careless = connected("careless", "admin");
        careless.send("/app/ping", "not json");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        careless.send("/app/ping", "{\"timestamp\":\"soon\"}");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        careless.send("/app/publish", "{\"type\":\"PING\",\"timestamp\":1}");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_TYPE);
        careless.send("/app/publish", "{\"channel\":\"announcements\"}");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.MISSING_FIELD);
        careless.send("/topic/presence", "{}");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.PUBLISH_DENIED);
        careless.send("/app/nowhere", "{}");
        assertThat(careless.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_TYPE);
        careless.subscribe("/topic/no-such-channel", "x");
        assertThat(careless.awaitReply(SubscribedMessage.class).failed().get(0).reason())
                .isEqualTo(ErrorCode.CHANNEL_NOT_FOUND);
        careless.send("/app/ping", "{\"timestamp\":2}");
        assertThat(careless.awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(2);
        bystanderIsServed();
    }

    @Test
    void aForgedSenderInAPublishIsReplacedByTheRealOne() {
        StompTestClient admin = connected("honest-admin", "admin", "activity");
        admin.send("/app/publish", "{\"channel\":\"activity\",\"sender\":{\"userId\":\"ceo\",\"clientId\":\"x\"},"
                + "\"payload\":{\"id\":\"f1\",\"type\":\"action\",\"userId\":\"ceo\",\"message\":\"hi\","
                + "\"timestamp\":\"2026-02-02T09:00:00Z\"}}");
        DataMessage data = admin.awaitTopic("activity", DataMessage.class);
        assertThat(data.sender().userId()).isEqualTo("honest-admin");
        bystanderIsServed();
    }

    @Test
    void aSyncWithoutReadAccessIsDeniedAndTheSessionStaysOpen() {
        StompTestClient member = connected("nosy", "member");
        member.send("/app/sync", "{\"channel\":\"activity\",\"lastSequence\":0}");
        assertThat(member.awaitReply(ErrorMessage.class).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        member.subscribe("/topic/activity", "a");
        assertThat(member.awaitReply(SubscribedMessage.class).failed().get(0).reason())
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        member.send("/app/ping", "{\"timestamp\":3}");
        assertThat(member.awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(3);
        bystanderIsServed();
    }

    @Test
    void aFloodIsRateLimitedThenClosedAsAbusive() {
        StompTestClient flooder = connected("flooder", "member");
        for (int i = 0; i < 300 && !flooder.isClosed(); i++) {
            try {
                flooder.send("/app/ping", "{\"timestamp\":" + i + "}");
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        assertThat(flooder.await(f -> f.body().contains("RATE_LIMITED")).body()).contains("user flooder");
        assertThat(flooder.awaitClose()).isEqualTo(1008);
        bystanderIsServed();
    }

    @Test
    void aDroppedSocketIsCleanedUpAndItsUserGoesOffline() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(connectFrame(TestTokens.token("vanisher", "member"), ""));
            awaitTrue(() -> !hub.registry().clientIdsOf("vanisher").isEmpty());
            raw.drop();
        }
        awaitTrue(() -> hub.registry().clientIdsOf("vanisher").isEmpty());
        bystander.await(f -> f.body().contains("\"userId\":\"vanisher\"") && f.body().contains("\"status\":\"offline\""));
        assertThat(hub.presence().get("vanisher")).isEmpty();
        bystanderIsServed();
    }

    @Test
    void garbageFromUnauthenticatedSocketsLogsAtMostOneLinePerSessionAndNothingAtError(CapturedOutput output) {
        int before = output.getAll().split("\n").length;
        for (int i = 0; i < 20; i++) {
            StompTestClient vandal = open();
            try {
                vandal.sendRaw("GARBAGE\n\n\0");
            } catch (RuntimeException closedMeanwhile) {
                // fine
            }
            assertThat(vandal.awaitClose()).isEqualTo(1002);
        }
        bystanderIsServed();
        String[] lines = output.getAll().split("\n");
        List<String> added = List.of(lines).subList(Math.min(before, lines.length), lines.length);
        assertThat(added).noneMatch(line -> line.contains(" ERROR "));
        assertThat(added).noneMatch(line -> line.startsWith("\tat "));
        assertThat(added.size()).isLessThanOrEqualTo(20);
    }

    @Test
    void theWholeBarrageLogsNothingAtErrorAndLeavesTheHeapFlat(CapturedOutput output) {
        barrage(); // warm up: classes, buffers, pools
        long start = liveHeap();
        for (int round = 0; round < 3; round++) {
            barrage();
        }
        long growth = liveHeap() - start;
        assertThat(growth).as("live heap growth in bytes").isLessThan(20L * 1024 * 1024);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
        bystanderIsServed();
    }

    private void barrage() {
        forgedExpiredUnsignedSwappedAndExpiryLessTokensAreRefusedWith1008();
        aSecondConnectOnOneSocketIsAProtocolErrorNotAServerFailure();
        aFrameBeforeConnectIsAProtocolError();
        aHeartBeatBeforeConnectIsAProtocolError();
        anOutOfRangeHeartBeatHeaderIsAProtocolErrorNamingTheHeader();
        aConnectWithAnUnsupportedVersionIsRefusedNamingTheSupportedOnesAndRegistersNothing();
        aSubscribeWithoutIdIsRefusedNamingTheHeader();
        aFrameOverTheSizeLimitGetsAnErrorThenClose1009();
        invalidUtf8InATextFrameClosesOnlyThatSocket();
        wrongTypedAndMalformedBodiesAreRefusedAndTheSessionStaysOpen();
        aForgedSenderInAPublishIsReplacedByTheRealOne();
        aSyncWithoutReadAccessIsDeniedAndTheSessionStaysOpen();
        aDroppedSocketIsCleanedUpAndItsUserGoesOffline();
        closeAllButBystander();
    }

    /** The clients of one round are closed by the server or dropped: let them go, so they don't count as heap. */
    private void closeAllButBystander() {
        closeClientsExcept(bystander);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + CLOSE_WITHIN);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
