package lab.yujian.core.acl;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;

/** A {@link ChannelAuthorizer} that looks the role up in a {@link ChannelPolicy}. */
final class PolicyChannelAuthorizer implements ChannelAuthorizer {

    private final ChannelPolicy policy;

    PolicyChannelAuthorizer(ChannelPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean canSubscribe(Identity identity, Channel channel) {
        return allowed(policy.subscribe(), identity.role(), channel);
    }

    @Override
    public boolean canPublish(Identity identity, Channel channel) {
        return allowed(policy.publish(), identity.role(), channel);
    }

    private static boolean allowed(Map<String, List<ChannelPattern>> rules, String role, Channel channel) {
        List<ChannelPattern> patterns = rules.get(role);
        if (patterns == null) {
            return false;
        }
        for (ChannelPattern pattern : patterns) {
            if (pattern.matches(channel)) {
                return true;
            }
        }
        return false;
    }
}
