package lab.yujian.core.batch;

import java.time.Duration;
import java.util.List;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;

/**
 * Which channels are batched, and when a batch is flushed. Immutable.
 *
 * @param channels channels that go out as {@code BATCH} (default {@code metrics} and {@code collaboration.*})
 * @param maxSize  flush when a batch holds this many messages (the seed's default: 100)
 * @param maxDelay flush when the oldest message in a batch is this old (the seed's default: 50 ms)
 */
public record BatchConfig(List<ChannelPattern> channels, int maxSize, Duration maxDelay) {

    public BatchConfig {
        channels = List.copyOf(channels);
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (maxDelay == null || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("maxDelay must be positive, was " + maxDelay);
        }
    }

    /** {@code metrics} and {@code collaboration.*}, 100 messages, 50 ms. */
    public static BatchConfig ofDefaults() {
        return new BatchConfig(List.of(ChannelPattern.parse("metrics"), ChannelPattern.parse("collaboration.*")),
                100, Duration.ofMillis(50));
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
}
