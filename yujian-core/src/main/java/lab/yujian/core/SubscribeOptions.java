package lab.yujian.core;

import lab.yujian.protocol.Nullable;

/**
 * What a SUBSCRIBE asks for beyond the channel, as the client sent it (the hub validates it).
 *
 * @param filter  the {@code filter} header ({@link lab.yujian.protocol.SubscriptionFilter}); null for none
 * @param maxRate the {@code max-rate} header: at most this many DATA per second, the latest of each
 *                interval (metrics only); null for none
 */
public record SubscribeOptions(@Nullable String filter, @Nullable String maxRate) {

    /** A plain subscription. */
    public static final SubscribeOptions NONE = new SubscribeOptions(null, null);

    /** A subscription with a filter only. */
    public SubscribeOptions(@Nullable String filter) {
        this(filter, null);
    }
}
