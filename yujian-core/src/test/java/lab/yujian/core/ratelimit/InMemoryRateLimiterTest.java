package lab.yujian.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter createLimiter(RateLimitConfig config, MutableClock clock) {
        return new InMemoryRateLimiter(config, clock);
    }

    @Test
    void configurationRefusalsNameTheField() {
        assertThatThrownBy(() -> new RateLimitConfig(0, Duration.ofSeconds(1))).hasMessageContaining("limit");
        assertThatThrownBy(() -> new RateLimitConfig(1, Duration.ZERO)).hasMessageContaining("window");
    }
}
