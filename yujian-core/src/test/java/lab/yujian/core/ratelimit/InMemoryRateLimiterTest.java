package lab.yujian.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
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
    void evictingForgetsExactlyTheFullBuckets() {
        InMemoryRateLimiter memory = new InMemoryRateLimiter(new RateLimitConfig(10, Duration.ofSeconds(60)), clock);
        for (int i = 0; i < 10; i++) {
            memory.tryAcquire("ada");
        }
        memory.tryAcquire("grace");
        clock.advance(Duration.ofSeconds(6));
        assertThat(memory.evictIdle()).isEqualTo(1);
    }

    @Test
    void configurationRefusalsNameTheField() {
        assertThatThrownBy(() -> new RateLimitConfig(0, Duration.ofSeconds(1))).hasMessageContaining("limit");
        assertThatThrownBy(() -> new RateLimitConfig(1, Duration.ZERO)).hasMessageContaining("window");
    }
}
