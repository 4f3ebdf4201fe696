package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import lab.yujian.spring.config.TomcatWebSocketBuffers;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.RawWebSocket;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.TestTokens;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * What an open session costs the server: the container's buffers are sized for the frames sessions really
 * send, a large frame arrives in parts and is assembled for that session only, and compression (a deflater
 * per session) is not negotiated. Over real sockets.
 */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompSessionBuffersTests extends StompServerTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    private WebServerApplicationContext context;

    /** CONNECT, then SUBSCRIBE to the replies (where PONG arrives). */
    private static String connectFrame(String user) {
        return "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer "
                + TestTokens.token(user, "member") + "\n\n\0SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0";
    }

    /** A PING of about {@code size} bytes: the padding is a header the server ignores. */
    private static byte[] paddedPing(int mark, int size) {
        String frame = "SEND\ndestination:/app/ping\nx-pad:" + "p".repeat(size) + "\n\n{\"timestamp\":" + mark + "}\0";
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isPong(String frame, int mark) {
        return frame.contains("\"PONG\"") && frame.contains("\"clientTimestamp\":" + mark + "}");
    }

    @Test
    void aFrameManyTimesTheContainerBufferArrivesWholeAndIsAnswered() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(connectFrame("large-one"));
            raw.sendText(paddedPing(7, 40 * 1024));
            assertThat(raw.awaitFrame(frame -> isPong(frame, 7), WITHIN)).isNotEmpty();
        }
    }

    @Test
    void aFrameSplitOverContinuationFramesIsAssembledInOrder() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(connectFrame("large-split"));
            byte[] ping = paddedPing(8, 30 * 1024);
            int third = ping.length / 3;
            raw.sendFrame(0x1, Arrays.copyOfRange(ping, 0, third), false);
            raw.sendFrame(0x0, Arrays.copyOfRange(ping, third, 2 * third), false);
            raw.sendFrame(0x0, Arrays.copyOfRange(ping, 2 * third, ping.length), true);
            raw.sendText(paddedPing(9, 10));
            assertThat(raw.awaitFrame(frame -> isPong(frame, 8), WITHIN)).isNotEmpty();
            assertThat(raw.awaitFrame(frame -> isPong(frame, 9), WITHIN)).isNotEmpty();
        }
    }

    @Test
    void aMessageFarBeyondTheFrameLimitIsClosed1009WhileArrivingAndOthersAreServed() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            raw.sendText(connectFrame("huge"));
            byte[] part = new byte[32 * 1024];
            Arrays.fill(part, (byte) 'x');
            int code;
            try {
                raw.sendFrame(0x1, "SEND\ndestination:/app/ping\n\n".getBytes(StandardCharsets.UTF_8), false);
                for (int i = 0; i < 8; i++) { // 256 KB: four times the 64 KB limit
                    raw.sendFrame(0x0, part, false);
                }
            } catch (IllegalStateException closedWhileSending) {
                // the server closed before the last part: that is the point
            }
            code = raw.awaitClose(WITHIN);
            assertThat(code).isEqualTo(1009);
        }
        try (RawWebSocket other = RawWebSocket.open(port, "/ws")) {
            other.sendText(connectFrame("after-huge"));
            other.sendText(paddedPing(10, 10));
            assertThat(other.awaitFrame(frame -> isPong(frame, 10), WITHIN)).isNotEmpty();
        }
    }

    @Test
    void compressionIsNotNegotiatedEvenWhenTheClientOffersIt() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {
            assertThat(raw.responseHeaders()).doesNotContainKey("sec-websocket-extensions");
            raw.sendText(connectFrame("plain"));
            raw.sendText(paddedPing(11, 10));
            assertThat(raw.awaitFrame(frame -> isPong(frame, 11), WITHIN)).isNotEmpty();
        }
    }

    @Test
    void tomcatKeepsFourKilobyteBuffersPerConnectionInsteadOfEight() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
        assertThat(System.getProperty(TomcatWebSocketBuffers.TOMCAT_PROPERTY)).isEqualTo("4096");
    }
}
