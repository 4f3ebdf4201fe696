package lab.yujian.core.redis;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import lab.yujian.core.ratelimit.ClockTimeMeter;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.ratelimit.RateLimitDecision;
import lab.yujian.core.ratelimit.RateLimiter;

/**
 * Token buckets in Redis, from Bucket4j's Lettuce integration (compare-and-swap per key): one budget per
 * key across every node, so N nodes do not grant N times the limit. A key's bucket expires from Redis
 * once it would be full again, so nothing needs evicting. Time is read from the injected clock.
 */
public final class RedisRateLimiter implements RateLimiter {

    private final RedisConnector redis;
    private final RateLimitConfig config;
    private final BucketConfiguration bucket;
    private final ProxyManager<byte[]> buckets;

    public RedisRateLimiter(RedisConnector redis, RateLimitConfig config, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.config = Objects.requireNonNull(config, "config");
        this.bucket = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(config.limit()).refillGreedy(config.limit(), config.window()))
                .build();
        this.buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(1)))
                .clientClock(new ClockTimeMeter(Objects.requireNonNull(clock, "clock")))
                .build();
    }

    private BucketProxy bucketOf(String key) {
        return buckets.builder().build(redis.key("rl", key), () -> bucket);
    }

    @Override
    public RateLimitDecision tryAcquire(String key) {
        ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public long available(String key) {
        return buckets.getProxyConfiguration(redis.key("rl", key)).isPresent()
                ? bucketOf(key).getAvailableTokens() : config.limit();
    }

    @Override
    public RateLimitConfig config() {
        return config;
    }

    /** Keys expire in Redis by themselves once their bucket is full again: nothing to evict here. */
    @Override
    public int evictIdle() {
        return 0;
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[" + new String(redis.key("rl"), StandardCharsets.UTF_8) + "]";
    }
}
