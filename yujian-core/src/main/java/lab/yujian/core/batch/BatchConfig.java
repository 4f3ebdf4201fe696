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
 * @param bursts   channels batched only in bursts (default none; e.g. {@code presence}, {@code activity}): a message
 *                 to a quiet channel goes out at once as {@code DATA}; those that follow it within
 *                 {@code maxDelay} are batched as above. A connect storm thus costs a few BATCH frames per
 *                 subscriber instead of one frame per join, and a lone change waits for nothing. A channel
 *                 in {@code channels} is always batched.
 */
public record BatchConfig(List<ChannelPattern> channels, int maxSize, Duration maxDelay, List<ChannelPattern> bursts) {

    /**
     * The core's default burst channels: none, so that a hub sends every message of an unbatched channel as
     * {@code DATA}. The Spring adapter's default ({@code yujian.batch.bursts}) is {@code presence,activity}.
     */
    public static final List<ChannelPattern> DEFAULT_BURSTS = List.of();

    /** A config with the {@linkplain #DEFAULT_BURSTS default burst channels}. */
    public BatchConfig(List<ChannelPattern> channels, int maxSize, Duration maxDelay) {
        this(channels, maxSize, maxDelay, DEFAULT_BURSTS);
    }

    public BatchConfig {
        channels = copy(channels, "batch.channels");
        bursts = copy(bursts, "batch.bursts");
        if (maxSize < 1) {
            throw new IllegalArgumentException("batch.maxSize must be greater than 0, was " + maxSize);
        }
        if (maxDelay == null || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("batch.maxDelay must be positive, was " + maxDelay);
        }
    }

    /** {@code metrics} and {@code collaboration.*}, 100 messages, 50 ms; no burst channels. */
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
        return new Builder().channels(prototype.channels).maxSize(prototype.maxSize).maxDelay(prototype.maxDelay)
                .bursts(prototype.bursts);
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

    /** Whether this channel is batched in bursts only (and not always). */
    public boolean batchesBursts(Channel channel) {
        if (batches(channel)) {
            return false;
        }
        for (ChannelPattern pattern : bursts) {
            if (pattern.matches(channel)) {
                return true;
            }
        }
        return false;
    }

    private static List<ChannelPattern> copy(List<ChannelPattern> channels, String field) {
        if (channels == null) {
            throw new IllegalArgumentException(field + " must not be null; an empty list batches nothing");
        }
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
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
        private List<ChannelPattern> bursts = DEFAULT_BURSTS;

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
            this.channels = parse(patterns, "batch.channels");
            return this;
        }

        /** The channels batched in bursts only, replacing any set before. */
        public Builder bursts(List<ChannelPattern> bursts) {
            this.bursts = bursts;
            return this;
        }

        /**
         * The channels batched in bursts only, as patterns, replacing any set before.
         *
         * @throws IllegalArgumentException naming {@code batch.bursts}, if a pattern is null or invalid
         */
        public Builder bursts(String... patterns) {
            this.bursts = parse(patterns, "batch.bursts");
            return this;
        }

        private static List<ChannelPattern> parse(String[] patterns, String field) {
            if (patterns == null) {
                throw new IllegalArgumentException(field + " must not be null; an empty list batches nothing");
            }
            List<ChannelPattern> parsed = new ArrayList<>(patterns.length);
            for (int i = 0; i < patterns.length; i++) {
                if (patterns[i] == null) {
                    throw new IllegalArgumentException(field + "[" + i + "] must not be null");
                }
                try {
                    parsed.add(ChannelPattern.parse(patterns[i]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
                }
            }
            return parsed;
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
            return new BatchConfig(channels, maxSize, maxDelay, bursts);
        }
    }
}
