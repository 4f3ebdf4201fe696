package lab.yujian.core.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How much history a store keeps per channel. Immutable; build with {@link #custom()},
 * {@link #from(HistoryConfig)} or take {@link #ofDefaults()}. Every refusal names the field.
 *
 * @param maxSize most messages kept per channel (the seed's default: 1000)
 * @param maxAge  oldest message kept (default 10 minutes)
 */
public record HistoryConfig(int maxSize, Duration maxAge) {

    public HistoryConfig {
        if (maxSize < 1) {
            throw new IllegalArgumentException("history.maxSize must be greater than 0, was " + maxSize);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("history.maxAge must be positive, was " + maxAge);
        }
    }

    /** 1000 messages, 10 minutes. */
    public static HistoryConfig ofDefaults() {
        return custom().build();
    }

    /** A builder holding the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding the values of {@code prototype}. */
    public static Builder from(HistoryConfig prototype) {
        Objects.requireNonNull(prototype, "prototype must not be null");
        return new Builder().maxSize(prototype.maxSize).maxAge(prototype.maxAge);
    }

    /** Builds a {@link HistoryConfig}; {@link #build()} validates every field. */
    public static final class Builder {
        private int maxSize = 1000;
        private Duration maxAge = Duration.ofMinutes(10);

        private Builder() {
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public HistoryConfig build() {
            return new HistoryConfig(maxSize, maxAge);
        }
    }
}
