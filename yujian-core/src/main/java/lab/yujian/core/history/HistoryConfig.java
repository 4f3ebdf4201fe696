package lab.yujian.core.history;

import java.time.Duration;

/**
 * How much history a store keeps per channel. Immutable.
 *
 * @param maxSize most messages kept per channel (the seed's default: 1000)
 * @param maxAge  oldest message kept (default 10 minutes)
 */
public record HistoryConfig(int maxSize, Duration maxAge) {

    public HistoryConfig {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
    }

    /** 1000 messages, 10 minutes. */
    public static HistoryConfig ofDefaults() {
        return new HistoryConfig(1000, Duration.ofMinutes(10));
    }
}
