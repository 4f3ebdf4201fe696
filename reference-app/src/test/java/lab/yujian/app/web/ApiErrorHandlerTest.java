package lab.yujian.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.HubConfig;
import lab.yujian.core.YujianException;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The 429s no HTTP test can reach today (the hub refuses no server publish for its rate), and the rounding. */
class ApiErrorHandlerTest {

    @Test
    void aHubRateRefusalIsA429WithTheWaitForOnePermit() {
        ApiErrorHandler handler = new ApiErrorHandler(HubConfig.custom()
                .rateLimit(new RateLimitConfig(100, Duration.ofSeconds(150))).build());
        var answer = handler.hub(new YujianException(ErrorCode.RATE_LIMITED, "Rate limit for 'user u' does not permit"));
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(handler.hub(new YujianException(ErrorCode.ACCESS_DENIED, "no")).getHeaders()
                .containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(ApiException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ApiException.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(ApiException.retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(ApiException.retryAfterSeconds(Duration.ofSeconds(30).plusNanos(1))).isEqualTo(31);
    }
}
