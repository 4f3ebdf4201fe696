package lab.yujian.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} must have. An implementation joins by overriding
 * {@link #createLimiter}; tests move {@code clock} instead of sleeping. Each test gets a fresh limiter,
 * created before each test once the subclass is fully constructed, so the factory may use the subclass's
 * fields (a Redis client, say).
 */
public abstract class RateLimiterContract {

    protected final MutableClock clock = MutableClock.atSeedDate();

    /** A new limiter with no keys, reading time from {@code clock}. */
    protected abstract RateLimiter createLimiter(RateLimitConfig config, MutableClock clock);

    private RateLimiter limiter;

    /** Not in a field initializer: that would run before the subclass's own fields are set. */
    @BeforeEach
    void createLimiterUnderTest() {
        limiter = createLimiter(new RateLimitConfig(10, Duration.ofSeconds(60)), clock);
    }

    @Test
    void aFreshKeyHasAFullBucket() {
        for (int i = 0; i < 10; i++) {
            RateLimitDecision decision = limiter.tryAcquire("ada");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(9 - i);
        }
        assertThat(limiter.tryAcquire("ada").allowed()).isFalse();
    }

    @Test
    void aRefusalSaysWhenToRetry() {
        drain("ada");
        RateLimitDecision refused = limiter.tryAcquire("ada");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(refused.describe("user ada")).contains("'user ada' does not permit");
    }

    @Test
    void tokensRefillAsTheClockMoves() {
        drain("ada");
        clock.advance(Duration.ofSeconds(12));
        assertThat(limiter.tryAcquire("ada").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ada").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ada").allowed()).isFalse();
    }

    @Test
    void aQuietKeyNeverRefillsBeyondTheLimit() {
        limiter.tryAcquire("ada");
        clock.advance(Duration.ofHours(2));
        int granted = 0;
        while (limiter.tryAcquire("ada").allowed()) {
            granted++;
        }
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void availableTellsThePermitsLeftWithoutTakingOne() {
        assertThat(limiter.available("ada")).isEqualTo(10);
        limiter.tryAcquire("ada");
        limiter.tryAcquire("ada");
        assertThat(limiter.available("ada")).isEqualTo(8);
        assertThat(limiter.available("ada")).isEqualTo(8);
    }

    @Test
    void keysAreLimitedIndependently() {
        drain("ada");
        assertThat(limiter.tryAcquire("grace").allowed()).isTrue();
    }

    @Test
    void evictingIdleKeysForgetsOnlyFullBucketsAndChangesNoBudget() {
        drain("ada");
        limiter.tryAcquire("grace");
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.evictIdle()).as("at most grace's full bucket").isBetween(0, 1);
        assertThat(limiter.available("grace")).isEqualTo(10);
        assertThat(limiter.tryAcquire("ada").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ada").allowed()).isFalse();
    }

    private void drain(String key) {
        while (limiter.tryAcquire(key).allowed()) {
            // take every token
        }
    }
}
