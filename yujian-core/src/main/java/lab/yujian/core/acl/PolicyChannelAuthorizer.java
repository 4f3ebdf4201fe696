package lab.yujian.core.acl;

import java.util.List;
import java.util.Objects;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;

/**
 * A {@link ChannelAuthorizer} that looks the role up in a {@link ChannelPolicy}, falling back to the
 * policy's wildcard role for a role it does not list.
 */
final class PolicyChannelAuthorizer implements ChannelAuthorizer {

    private final ChannelPolicy policy;

    PolicyChannelAuthorizer(ChannelPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean canSubscribe(Identity identity, Channel channel) {
        return allowed(policy.subscribePatterns(identity.role()), channel);
    }

    @Override
    public boolean canPublish(Identity identity, Channel channel) {
        return allowed(policy.publishPatterns(identity.role()), channel);
    }

    private static boolean allowed(List<ChannelPattern> patterns, Channel channel) {
        for (ChannelPattern pattern : patterns) {
            if (pattern.matches(channel)) {
                return true;
            }
        }
        return false;
    }
}
