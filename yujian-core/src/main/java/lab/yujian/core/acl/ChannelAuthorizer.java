package lab.yujian.core.acl;

import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;

/**
 * Decides channel access. Implementations must be thread-safe and fast: they run on every SUBSCRIBE and
 * every publish.
 */
public interface ChannelAuthorizer {

    /** Whether the user may join the channel (and read its history and state). */
    boolean canSubscribe(Identity identity, Channel channel);

    /** Whether the user may publish on the channel. */
    boolean canPublish(Identity identity, Channel channel);

    /** An authorizer that follows a policy. */
    static ChannelAuthorizer of(ChannelPolicy policy) {
        return new PolicyChannelAuthorizer(policy);
    }
}
