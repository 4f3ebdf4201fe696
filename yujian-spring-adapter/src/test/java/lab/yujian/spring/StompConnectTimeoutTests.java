package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.spring.security.JwtStompAuthenticator;
import lab.yujian.spring.security.StompAuthenticator;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.RawWebSocket;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The connect timeout closes sockets that send no CONNECT, not those whose CONNECT waits for its answer
 * (as in a connect storm, when answers queue up): here an authenticator that takes longer than the timeout.
 */
@SpringBootTest(classes = {TestHubApplication.class, StompConnectTimeoutTests.SlowAuthentication.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yujian.connect-timeout=1s")
class StompConnectTimeoutTests extends StompServerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowAuthentication {
        @Bean
        StompAuthenticator slowStompAuthenticator(JwtDecoder decoder) {
            StompAuthenticator jwt = new JwtStompAuthenticator(decoder);
            return (authorization, attributes) -> {
                try {
                    Thread.sleep(1800);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return jwt.authenticate(authorization, attributes);
            };
        }
    }

    @Test
    void aConnectThatArrivedInTimeIsAnsweredEvenAfterTheTimeout() {
        StompTestClient slow = open();
        long start = System.nanoTime();
        assertThat(slow.connect(TestTokens.token("patient", "admin")).command()).isEqualTo("CONNECTED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
        slow.subscribeAll("presence");
        assertThat(slow.isClosed()).isFalse();
    }

    @Test
    void aSocketThatSendsNothingIsStillClosedWithinTheTimeout() {
        try (RawWebSocket raw = RawWebSocket.open(port, "/ws")) {
            long start = System.nanoTime();
            assertThat(raw.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
