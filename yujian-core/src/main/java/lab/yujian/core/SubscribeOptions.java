package lab.yujian.core;

import lab.yujian.protocol.Nullable;

/**
 * What a SUBSCRIBE asks for beyond the channel, as the client sent it (the hub validates it).
 *
 * @param filter the {@code filter} header ({@link lab.yujian.protocol.SubscriptionFilter}); null for none
 */
public record SubscribeOptions(@Nullable String filter) {

    /** A plain subscription. */
    public static final SubscribeOptions NONE = new SubscribeOptions(null);
}
