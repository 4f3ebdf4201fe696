package lab.yujian.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

    @Test
    void theDefaultsAreTheSeeds() {
        assertThat(RateLimitConfig.ofDefaults()).isEqualTo(new RateLimitConfig(100, Duration.ofSeconds(60)));
    }

    @Test
    void aBuilderSetsEachFieldAndFromCopiesThemAll() {
        RateLimitConfig custom = RateLimitConfig.custom().limit(5).window(Duration.ofSeconds(10)).build();
        assertThat(custom).isEqualTo(new RateLimitConfig(5, Duration.ofSeconds(10)));
        assertThat(RateLimitConfig.from(custom).build()).isEqualTo(custom);
        assertThat(RateLimitConfig.from(custom).limit(9).build().window()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyRefusalNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> RateLimitConfig.custom().limit(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rateLimit.limit must be greater than 0, was 0");
        assertThatThrownBy(() -> RateLimitConfig.custom().window(Duration.ofNanos(999_999)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimit.window must be at least 1 ms");
        assertThatThrownBy(() -> RateLimitConfig.custom().window(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rateLimit.window must be at least 1 ms, was null");
    }
}
