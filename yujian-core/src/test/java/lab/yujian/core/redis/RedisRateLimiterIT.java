package lab.yujian.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.ratelimit.RateLimiterContract;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterIT extends RateLimiterContract {

    private final String prefix = RedisTesting.newPrefix();
    private final RedisConnector redis = RedisTesting.connect(prefix);
    private final RedisConnector other = RedisTesting.connect(prefix);

    @Override
    protected RateLimiter createLimiter(RateLimitConfig config, MutableClock clock) {
        return new RedisRateLimiter(redis, config, clock);
    }

    @Test
    void twoNodesShareOneBudgetPerKey() {
        RateLimitConfig config = new RateLimitConfig(4, Duration.ofSeconds(60));
        RateLimiter one = new RedisRateLimiter(redis, config, clock);
        RateLimiter two = new RedisRateLimiter(other, config, clock);
        assertThat(one.tryAcquire("shared").allowed()).isTrue();
        assertThat(two.tryAcquire("shared").allowed()).isTrue();
        assertThat(one.tryAcquire("shared").allowed()).isTrue();
        assertThat(two.tryAcquire("shared").allowed()).isTrue();
        assertThat(one.tryAcquire("shared").allowed()).as("the fifth of four, on either node").isFalse();
        assertThat(two.tryAcquire("shared").allowed()).isFalse();
    }

    @AfterEach
    void cleanUp() {
        redis.deleteAll();
        redis.close();
        other.close();
    }
}
