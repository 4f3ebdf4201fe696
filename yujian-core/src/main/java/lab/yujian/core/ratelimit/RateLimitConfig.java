package lab.yujian.core.ratelimit;

import java.time.Duration;

/**
 * A token bucket: up to {@code limit} permits, refilled continuously at {@code limit} per {@code window}.
 * A key that stays quiet for a window is back at a full bucket. Immutable.
 *
 * @param limit  permits per window and burst size (the seed's {@code RATE_LIMIT_MAX}, default 100)
 * @param window refill period (the seed's {@code RATE_LIMIT_WINDOW}, default 60 s)
 */
public record RateLimitConfig(int limit, Duration window) {

    public RateLimitConfig {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
    }

    /** 100 per 60 seconds, the seed's defaults. */
    public static RateLimitConfig ofDefaults() {
        return new RateLimitConfig(100, Duration.ofSeconds(60));
    }
}
