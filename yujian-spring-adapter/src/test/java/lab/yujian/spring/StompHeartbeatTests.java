package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Heart-beats at a short period, so that a silent client times out within the test. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yujian.heartbeat=300ms")
class StompHeartbeatTests extends StompServerTest {

    @Test
    void aClientThatPromisedHeartBeatsAndFellSilentGetsTimeoutAndARetryableClose() {
        try (StompTestClient silent = open()) {
            silent.sendRaw("CONNECT\naccept-version:1.2\nheart-beat:300,0\nAuthorization:Bearer "
                    + TestTokens.token("silent", "member") + "\n\n\0");
            assertThat(silent.await(f -> f.command().equals("CONNECTED")).header("heart-beat")).isEqualTo("300,300");

            StompFrame error = silent.await(f -> f.command().equals("ERROR"));
            assertThat(error.header("message")).isEqualTo("TIMEOUT");
            ErrorMessage body = (ErrorMessage) MessageCodec.create().decodeServer(error.body().getBytes());
            assertThat(body.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(silent.awaitClose()).isEqualTo(1001);
            assertThat(silent.closeReason()).isEqualTo("Connection timeout");
        }
    }

    @Test
    void aClientThatSaysDisconnectIsNotToldItTimedOut() {
        try (StompTestClient leaving = open()) {
            leaving.connect(TestTokens.token("leaving", "member"));
            leaving.sendRaw("DISCONNECT\n\n\0");
            StompFrame last = leaving.await(f -> f.command().equals("ERROR") || f.command().equals("RECEIPT"));
            assertThat(last.header("message")).isNotEqualTo("TIMEOUT");
            assertThat(leaving.awaitClose()).isNotEqualTo(1001);
        }
    }
}
