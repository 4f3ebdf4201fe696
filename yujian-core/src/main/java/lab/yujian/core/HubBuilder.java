package lab.yujian.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.batch.FlushScheduler;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.InMemoryBroker;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.internal.DefaultHub;
import lab.yujian.core.internal.HubParts;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.InMemoryRateLimiter;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.InMemoryConnectionRegistry;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.json.MessageCodec;

/**
 * Assembles a {@link Hub}. Only the transport is required; every store defaults to its in-memory
 * implementation built from the {@link HubConfig}, the broker to an {@link InMemoryBroker} over the
 * history store (a single node), the clock to UTC system time, and the scheduler to one daemon thread
 * owned (and stopped) by the hub.
 */
public final class HubBuilder {

    private final HubConfig config;
    private SessionTransport transport;
    private Broker broker;
    private Clock clock = Clock.systemUTC();
    private ConnectionRegistry registry;
    private HistoryStore history;
    private PresenceStore presence;
    private RateLimiter rateLimiter;
    private ChannelAuthorizer authorizer;
    private ScheduledExecutorService scheduler;
    private FlushScheduler flushScheduler;
    private MessageCodec codec;
    private final List<HubObserver> observers = new ArrayList<>();
    private final Map<ChannelKind, SnapshotProvider> snapshots = new HashMap<>();
    private final Map<ChannelKind, PublishHook> hooks = new HashMap<>();

    HubBuilder(HubConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Required: how messages reach this node's sessions. */
    public HubBuilder transport(SessionTransport transport) {
        this.transport = transport;
        return this;
    }

    /**
     * How publications reach every node; the broker brings its own history, so {@link #history} is then
     * not used. Default: an {@link InMemoryBroker} over the history store, for a single node.
     */
    public HubBuilder broker(Broker broker) {
        this.broker = broker;
        return this;
    }

    public HubBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public HubBuilder registry(ConnectionRegistry registry) {
        this.registry = registry;
        return this;
    }

    /** The history of the default single-node broker; ignored when a {@link #broker} is given. */
    public HubBuilder history(HistoryStore history) {
        this.history = history;
        return this;
    }

    public HubBuilder presence(PresenceStore presence) {
        this.presence = presence;
        return this;
    }

    public HubBuilder rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        return this;
    }

    /**
     * Replaces the authorizer built from {@link HubConfig#policy()}. A declared kind's own readers and
     * publishers ({@link ChannelKindConfig}) still decide for its channels.
     */
    public HubBuilder authorizer(ChannelAuthorizer authorizer) {
        this.authorizer = authorizer;
        return this;
    }

    /** A scheduler for maintenance and batch flushes; the caller keeps ownership of it. */
    public HubBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /**
     * Times batch flushes in place of the scheduler, for tests that run them by hand; the age of a batch
     * is still read from the clock.
     */
    public HubBuilder flushScheduler(FlushScheduler flushScheduler) {
        this.flushScheduler = flushScheduler;
        return this;
    }

    public HubBuilder codec(MessageCodec codec) {
        this.codec = codec;
        return this;
    }

    /** Adds an observer; observers are called in the order added. */
    public HubBuilder observer(HubObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /**
     * Replaces the built-in {@code INITIAL_DATA} of a channel kind (for a declared kind: its newest
     * messages from history). The kind must be built in or declared in the {@link HubConfig}.
     */
    public HubBuilder snapshot(ChannelKind kind, SnapshotProvider provider) {
        snapshots.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * Runs {@code hook} on every publish to channels of this kind, which must be built in or declared in
     * the {@link HubConfig}.
     */
    public HubBuilder hook(ChannelKind kind, PublishHook hook) {
        hooks.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Builds and starts the hub (its maintenance is scheduled at once).
     *
     * @throws IllegalStateException if no transport was given, or a snapshot or hook is set for a kind the
     *                               config does not declare
     */
    public Hub build() {
        if (transport == null) {
            throw new IllegalStateException("transport must be set: the hub cannot deliver without one");
        }
        ChannelKinds kinds = config.kinds();
        declared(kinds, snapshots.keySet(), "snapshot");
        declared(kinds, hooks.keySet(), "hook");
        Objects.requireNonNull(clock, "clock");
        Broker chosen = broker != null ? broker : new InMemoryBroker(
                history != null ? history : new InMemoryHistoryStore(config.history(), clock), config.nodeId());
        return new DefaultHub(new HubParts(config, transport, clock,
                registry != null ? registry : new InMemoryConnectionRegistry(), chosen,
                presence != null ? presence : new InMemoryPresenceStore(clock),
                rateLimiter != null ? rateLimiter : new InMemoryRateLimiter(config.rateLimit(), clock),
                authorizer != null ? authorizer : ChannelAuthorizer.of(config.policy()),
                codec != null ? codec : MessageCodec.create(),
                List.copyOf(observers), Map.copyOf(snapshots), Map.copyOf(hooks), scheduler, flushScheduler, kinds));
    }

    private static void declared(ChannelKinds kinds, Iterable<ChannelKind> used, String what) {
        for (ChannelKind kind : used) {
            if (!kinds.all().contains(kind)) {
                throw new IllegalStateException("A " + what + " is set for channel kind '" + kind.name()
                        + "', which the HubConfig does not declare; add it with HubConfig.Builder.channelKind");
            }
        }
    }
}
