package lab.yujian.core.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;

/**
 * Which channels are batched, and when a batch is flushed. Immutable; build with {@link #custom()},
 * {@link #from(BatchConfig)} or take {@link #ofDefaults()}. Every refusal names the field.
 *
 * @param channels channels that go out as {@code BATCH} (default {@code metrics} and {@code collaboration.*});
 *                 empty to batch nothing
 * @param maxSize  flush when a batch holds this many messages (the seed's default: 100)
 * @param maxDelay flush when the oldest message in a batch is this old (the seed's default: 50 ms)
 */
public record BatchConfig(List<ChannelPattern> channels, int maxSize, Duration maxDelay) {

    public BatchConfig {
        channels = copy(channels);
        if (maxSize < 1) {
            throw new IllegalArgumentException("batch.maxSize must be greater than 0, was " + maxSize);
        }
        if (maxDelay == null || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("batch.maxDelay must be positive, was " + maxDelay);
        }
    }

    /** {@code metrics} and {@code collaboration.*}, 100 messages, 50 ms. */
    public static BatchConfig ofDefaults() {
        return custom().build();
    }

    /** A builder holding the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding the values of {@code prototype}. */
    public static Builder from(BatchConfig prototype) {
        Objects.requireNonNull(prototype, "prototype must not be null");
        return new Builder().channels(prototype.channels).maxSize(prototype.maxSize).maxDelay(prototype.maxDelay);
    }

    /** Whether broadcasts on this channel are batched. */
    public boolean batches(Channel channel) {
        for (ChannelPattern pattern : channels) {
            if (pattern.matches(channel)) {
                return true;
            }
        }
        return false;
    }

    private static List<ChannelPattern> copy(List<ChannelPattern> channels) {
        if (channels == null) {
            throw new IllegalArgumentException("batch.channels must not be null; an empty list batches nothing");
        }
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i) == null) {
                throw new IllegalArgumentException("batch.channels[" + i + "] must not be null");
            }
        }
        return List.copyOf(channels);
    }

    /** Builds a {@link BatchConfig}; {@link #build()} validates every field. */
    public static final class Builder {
        private List<ChannelPattern> channels =
                List.of(ChannelPattern.parse("metrics"), ChannelPattern.parse("collaboration.*"));
        private int maxSize = 100;
        private Duration maxDelay = Duration.ofMillis(50);

        private Builder() {
        }

        /** The channels to batch, replacing any set before. */
        public Builder channels(List<ChannelPattern> channels) {
            this.channels = channels;
            return this;
        }

        /**
         * The channels to batch, as patterns such as {@code metrics} or {@code collaboration.*}, replacing any
         * set before.
         *
         * @throws IllegalArgumentException naming {@code batch.channels}, if a pattern is null or invalid
         */
        public Builder channels(String... patterns) {
            if (patterns == null) {
                throw new IllegalArgumentException("batch.channels must not be null; an empty list batches nothing");
            }
            List<ChannelPattern> parsed = new ArrayList<>(patterns.length);
            for (int i = 0; i < patterns.length; i++) {
                if (patterns[i] == null) {
                    throw new IllegalArgumentException("batch.channels[" + i + "] must not be null");
                }
                try {
                    parsed.add(ChannelPattern.parse(patterns[i]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("batch.channels[" + i + "]: " + e.getMessage(), e);
                }
            }
            this.channels = parsed;
            return this;
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public BatchConfig build() {
            return new BatchConfig(channels, maxSize, maxDelay);
        }
    }
}
