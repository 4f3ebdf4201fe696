package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import lab.yujian.spring.config.YujianEndpointSecurityAutoConfiguration;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The STOMP endpoint's own, empty security filter chain comes first: an application whose chain lets
 * nothing through without a login still accepts the handshake (CONNECT authenticates), and the handshake
 * passes no filter. Switched off, the application's chain decides.
 */
class EndpointSecurityChainTests {

    /** An application chain that refuses every request without credentials, the endpoint included. */
    @TestConfiguration(proxyBeanMethods = false)
    static class LockedDown {
        @Bean
        SecurityFilterChain lockedDown(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(basic -> { })
                    .build();
        }
    }

    @Nested
    @SpringBootTest(classes = {TestHubApplication.class, LockedDown.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class ByDefault extends StompServerTest {

        @Autowired
        FilterChainProxy filterChains;

        @Test
        void theHandshakeUpgradesWhileTheApplicationsChainRefusesEverythingElse() throws Exception {
            StompTestClient client = open();
            StompFrame connected = client.connect(TestTokens.token("u1", "member"));

            assertThat(connected.command()).isEqualTo("CONNECTED");
            assertThat(status("/anything")).isEqualTo(401);
            assertThat(status("/ws/below")).as("only the endpoint's own path skips the application's chain").isEqualTo(401);
        }

        @Test
        void theEndpointsChainComesFirstAndHasNoFilters() {
            List<SecurityFilterChain> chains = filterChains.getFilterChains();

            assertThat(chains.get(0).getFilters()).isEmpty();
            assertThat(chains).hasSize(2);
        }

        @Test
        void aBadTokenIsStillRefusedOnConnect() {
            StompFrame refused = open().connect(TestTokens.forged("u1", "member"));

            assertThat(refused.command()).isEqualTo("ERROR");
            assertThat(refused.headers()).containsEntry("message", "AUTHENTICATION_FAILED");
        }

        private int status(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Nested
    @SpringBootTest(classes = {TestHubApplication.class, LockedDown.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yujian.endpoint-security-chain=false")
    class SwitchedOff extends StompServerTest {

        @Autowired
        org.springframework.context.ApplicationContext context;

        @Test
        void theApplicationsChainDecidesAndRefusesTheHandshake() {
            assertThat(context.containsBean(YujianEndpointSecurityAutoConfiguration.BEAN)).isFalse();
            assertThatThrownBy(this::open).rootCause().hasMessageContaining("status code 401");
        }
    }
}
