package lab.yujian.core.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import lab.yujian.core.HubConfig;
import lab.yujian.core.HubObserver;
import lab.yujian.core.PublishHook;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.SnapshotProvider;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.batch.FlushScheduler;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.json.MessageCodec;

/**
 * What a hub is made of, as assembled by {@code HubBuilder}.
 *
 * @param scheduler      a caller-owned scheduler, or null for one owned by the hub
 * @param flushScheduler times batch flushes, or null to use {@code scheduler}
 * @param kinds          the channel kinds of {@code config}, parsed once
 */
public record HubParts(HubConfig config, SessionTransport transport, Clock clock, ConnectionRegistry registry,
                       Broker broker, PresenceStore presence, RateLimiter rateLimiter,
                       ChannelAuthorizer authorizer, MessageCodec codec, List<HubObserver> observers,
                       Map<ChannelKind, SnapshotProvider> snapshots, Map<ChannelKind, PublishHook> hooks,
                       @Nullable ScheduledExecutorService scheduler, @Nullable FlushScheduler flushScheduler,
                       ChannelKinds kinds) {
}
