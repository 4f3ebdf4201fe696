package lab.yujian.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: up to {@code limit} permits, refilled continuously at {@code limit} per {@code window}.
 * A key that stays quiet for a window is back at a full bucket. Immutable; build with {@link #custom()},
 * {@link #from(RateLimitConfig)} or take {@link #ofDefaults()}. Every refusal names the field.
 *
 * @param limit  permits per window and burst size (the seed's {@code RATE_LIMIT_MAX}, default 100)
 * @param window refill period (the seed's {@code RATE_LIMIT_WINDOW}, default 60 s)
 */
public record RateLimitConfig(int limit, Duration window) {

    public RateLimitConfig {
        if (limit < 1) {
            throw new IllegalArgumentException("rateLimit.limit must be greater than 0, was " + limit);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("rateLimit.window must be at least 1 ms, was " + window);
        }
    }

    /** 100 per 60 seconds, the seed's defaults. */
    public static RateLimitConfig ofDefaults() {
        return custom().build();
    }

    /** A builder holding the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding the values of {@code prototype}. */
    public static Builder from(RateLimitConfig prototype) {
        Objects.requireNonNull(prototype, "prototype must not be null");
        return new Builder().limit(prototype.limit).window(prototype.window);
    }

    /** Builds a {@link RateLimitConfig}; {@link #build()} validates every field. */
    public static final class Builder {
        private int limit = 100;
        private Duration window = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        public RateLimitConfig build() {
            return new RateLimitConfig(limit, window);
        }
    }
}
