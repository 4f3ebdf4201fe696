package lab.yujian.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to one permit request.
 *
 * @param allowed    whether the permit was granted
 * @param remaining  permits left after this one
 * @param retryAfter when refused, how long until one permit is available; zero when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {

    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A human-readable refusal naming the key, in the manner of {@code RateLimiter 'x' does not permit}. */
    public String describe(String key) {
        return allowed ? "Rate limit for '" + key + "' permits this call"
                : "Rate limit for '" + key + "' does not permit further calls; retry in "
                + Math.max(1, retryAfter.toMillis()) + " ms";
    }
}
