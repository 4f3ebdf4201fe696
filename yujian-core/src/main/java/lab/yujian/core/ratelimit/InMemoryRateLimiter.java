package lab.yujian.core.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this process's memory, one per key, from Bucket4j. Time comes from the injected
 * {@link Clock}, so tests move the clock instead of sleeping.
 *
 * <p>Use it for a single node only: each node would grant the full limit.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final RateLimitConfig config;
    private final Bandwidth bandwidth;
    private final ClockTimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(RateLimitConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.time = new ClockTimeMeter(Objects.requireNonNull(clock, "clock"));
        this.bandwidth = Bandwidth.builder()
                .capacity(config.limit())
                .refillGreedy(config.limit(), config.window())
                .build();
    }

    @Override
    public RateLimitDecision tryAcquire(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public long available(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? config.limit() : bucket.getAvailableTokens();
    }

    @Override
    public RateLimitConfig config() {
        return config;
    }

    @Override
    public int evictIdle() {
        int before = buckets.size();
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= config.limit());
        return before - buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
    }

}
