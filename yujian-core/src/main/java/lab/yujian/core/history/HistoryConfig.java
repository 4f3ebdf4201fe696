package lab.yujian.core.history;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much history a store keeps per channel. Immutable; build with {@link #custom()},
 * {@link #from(HistoryConfig)} or take {@link #ofDefaults()}. Every refusal names the field.
 *
 * <p>A channel kind may have bounds of its own ({@link Builder#kind}); a store reads a channel's with
 * {@link #maxSize(String)} and {@link #maxAge(String)}.
 *
 * @param maxSize most messages kept per channel (the seed's default: 1000)
 * @param maxAge  oldest message kept (default 10 minutes)
 * @param kinds   bounds of the channels of a kind, by kind name, in place of the two above
 */
public record HistoryConfig(int maxSize, Duration maxAge, Map<String, Bounds> kinds) {

    public HistoryConfig {
        check(maxSize, maxAge, "history");
        Objects.requireNonNull(kinds, "history.kinds");
        kinds = Map.copyOf(kinds);
    }

    /** The same bounds for every channel. */
    public HistoryConfig(int maxSize, Duration maxAge) {
        this(maxSize, maxAge, Map.of());
    }

    /**
     * The history bounds of one channel kind.
     *
     * @param maxSize most messages kept per channel of the kind
     * @param maxAge  oldest message kept
     */
    public record Bounds(int maxSize, Duration maxAge) {
        public Bounds {
            check(maxSize, maxAge, "history of a kind");
        }
    }

    /** Most messages kept on this channel: its kind's bound, or {@link #maxSize()}. */
    public int maxSize(String channel) {
        Bounds bounds = boundsOf(channel);
        return bounds == null ? maxSize : bounds.maxSize;
    }

    /** Oldest message kept on this channel: its kind's bound, or {@link #maxAge()}. */
    public Duration maxAge(String channel) {
        Bounds bounds = boundsOf(channel);
        return bounds == null ? maxAge : bounds.maxAge;
    }

    private Bounds boundsOf(String channel) {
        if (kinds.isEmpty()) {
            return null;
        }
        int dot = channel.indexOf('.');
        return kinds.get(dot < 0 ? channel : channel.substring(0, dot));
    }

    private static void check(int maxSize, Duration maxAge, String field) {
        if (maxSize < 1) {
            throw new IllegalArgumentException(field + ".maxSize must be greater than 0, was " + maxSize);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException(field + ".maxAge must be positive, was " + maxAge);
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
        Builder builder = new Builder().maxSize(prototype.maxSize).maxAge(prototype.maxAge);
        builder.kinds.putAll(prototype.kinds);
        return builder;
    }

    /** Builds a {@link HistoryConfig}; {@link #build()} validates every field. */
    public static final class Builder {
        private int maxSize = 1000;
        private Duration maxAge = Duration.ofMinutes(10);
        private final Map<String, Bounds> kinds = new LinkedHashMap<>();

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

        /** Bounds of the channels of one kind, by the kind's name, in place of the defaults. */
        public Builder kind(String kindName, int maxSize, Duration maxAge) {
            kinds.put(Objects.requireNonNull(kindName, "kindName"), new Bounds(maxSize, maxAge));
            return this;
        }

        public HistoryConfig build() {
            return new HistoryConfig(maxSize, maxAge, kinds);
        }
    }
}
