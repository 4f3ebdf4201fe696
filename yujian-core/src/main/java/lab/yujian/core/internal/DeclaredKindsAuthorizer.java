package lab.yujian.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.core.ChannelKindConfig;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;

/**
 * Lets a declared kind's own readers and publishers decide for its channels, and the given authorizer for
 * every other channel and every access the kind leaves unset.
 */
final class DeclaredKindsAuthorizer implements ChannelAuthorizer {

    private final Map<ChannelKind, ChannelKindConfig> kinds;
    private final ChannelAuthorizer fallback;

    private DeclaredKindsAuthorizer(Map<ChannelKind, ChannelKindConfig> kinds, ChannelAuthorizer fallback) {
        this.kinds = kinds;
        this.fallback = fallback;
    }

    /** {@code fallback} itself when no kind sets its own access. */
    static ChannelAuthorizer over(List<ChannelKindConfig> declared, ChannelAuthorizer fallback) {
        Map<ChannelKind, ChannelKindConfig> withAccess = new HashMap<>();
        for (ChannelKindConfig kind : declared) {
            if (kind.readers() != null || kind.publishers() != null) {
                withAccess.put(kind.kind(), kind);
            }
        }
        return withAccess.isEmpty() ? fallback : new DeclaredKindsAuthorizer(Map.copyOf(withAccess), fallback);
    }

    @Override
    public boolean canSubscribe(Identity identity, Channel channel) {
        ChannelKindConfig kind = kinds.get(channel.kind());
        Boolean own = kind == null ? null : kind.canRead(identity.role());
        return own != null ? own : fallback.canSubscribe(identity, channel);
    }

    @Override
    public boolean canPublish(Identity identity, Channel channel) {
        ChannelKindConfig kind = kinds.get(channel.kind());
        Boolean own = kind == null ? null : kind.canPublish(identity.role());
        return own != null ? own : fallback.canPublish(identity, channel);
    }
}
