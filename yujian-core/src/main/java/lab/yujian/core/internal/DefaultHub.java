package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab.yujian.core.Hub;
import lab.yujian.core.HubConfig;
import lab.yujian.core.NoticeResult;
import lab.yujian.core.SubscribeOptions;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.YujianException;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.batch.FlushScheduler;
import lab.yujian.core.batch.MessageBatcher;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Published;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.core.ratelimit.InMemoryRateLimiter;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.registry.Connection;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.registry.SessionState;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.SubscriptionFilter;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.UnsubscribedMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * The hub: sessions and subscriptions here; the publish path in {@link PublishPipeline}; other client
 * messages in {@link ClientRequests}; ordered delivery per channel in {@link ChannelStreams} and
 * {@link LocalDelivery}; what crosses nodes in {@link ClusterControl}; replies and strikes in
 * {@link Replies}.
 */
public final class DefaultHub implements Hub {

    private static final System.Logger LOG = System.getLogger(DefaultHub.class.getName());
    private static final String CHECK_IN = "check-in:";
    private static final Identity SYSTEM = new Identity(Sender.SYSTEM_USER, "system", "system");
    /** How often each channel stream is compared with history, on a cluster. */
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);

    private final HubConfig config;
    private final ChannelKinds kinds;
    private final Clock clock;
    private final SessionTransport transport;
    private final ConnectionRegistry registry;
    private final Broker broker;
    private final PresenceStore presence;
    private final ChannelAuthorizer authorizer;
    private final Observers observers;
    private final InMemoryRateLimiter strikes;
    private final Replies replies;
    private final SendLimits limits;
    private final Snapshots snapshots;
    private final MessageBatcher batcher;
    private final ChannelStreams streams;
    private final PublishPipeline pipeline;
    private final ClientRequests requests;
    private final ClusterControl control;
    private final MessageCodec codec;
    private final Notices notices;
    private final SubscriptionFilters filters;
    private final Conflations conflations;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService repairs;
    private final AtomicLong sessionCounter = new AtomicLong();

    public DefaultHub(HubParts parts) {
        this.config = parts.config();
        this.clock = parts.clock();
        this.transport = parts.transport();
        this.registry = parts.registry();
        this.broker = parts.broker();
        this.presence = parts.presence();
        this.authorizer = DeclaredKindsAuthorizer.over(parts.config().channelKinds(), parts.authorizer());
        MessageCodec codec = parts.codec();
        this.observers = new Observers(parts.observers());
        this.ownsScheduler = parts.scheduler() == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(daemon("yujian-hub-"
                + config.nodeId())) : parts.scheduler();
        this.repairs = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("yujian-repair-" + config.nodeId()));
        this.strikes = new InMemoryRateLimiter(
                new RateLimitConfig(config.abuseLimit(), config.rateLimit().window()), clock);
        this.replies = new Replies(transport, codec, clock, strikes, observers,
                clientId -> kickLocal(clientId, CloseCode.POLICY_VIOLATION, "Too many refused messages"));
        this.limits = new SendLimits(parts.rateLimiter(), replies);
        HistoryStore history = broker.history();
        this.filters = new SubscriptionFilters();
        this.snapshots = new Snapshots(parts.snapshots(), history, presence, codec, clock, config.snapshotSize());
        this.conflations = new Conflations(transport, scheduler, System::nanoTime);
        this.kinds = parts.kinds();
        LocalDelivery delivery = new LocalDelivery(registry, transport, codec, config.batch(), filters, conflations,
                kinds);
        FlushScheduler flushes = parts.flushScheduler() != null ? parts.flushScheduler()
                : (task, delay) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        this.batcher = new MessageBatcher(config.batch(), clock, flushes, delivery::deliverBatch,
                delivery::deliverAlone);
        delivery.useBatcher(batcher);
        this.streams = new ChannelStreams(broker, delivery::deliver, scheduler, repairs, config.gapWait(),
                config.subscriptionLinger());
        this.pipeline = new PublishPipeline(codec, clock, authorizer, limits, replies, parts.hooks(), broker,
                observers, config.nodeId(), kinds);
        this.requests = new ClientRequests(codec, clock, authorizer, limits, presence, history, replies, snapshots,
                pipeline, this::publishPresence, observers, filters, kinds);
        this.codec = codec;
        this.notices = new Notices(registry, transport, codec);
        this.control = new ClusterControl(broker, config.nodeId(), codec, registry, presence, this::kickLocal,
                notices);
        broker.start(new Handler());
        presence.heartbeat(config.nodeId(), config.nodeLease());
        schedule(this::runMaintenance, config.maintenanceInterval());
        schedule(this::runPresenceHeartbeat, config.nodeLease().dividedBy(3));
        if (broker.clustered()) {
            schedule(streams::reconcile, RECONCILE_EVERY);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void schedule(Runnable task, Duration every) {
        long millis = Math.max(1, every.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Hub task failed; it runs again in " + every + ": " + e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** What the broker tells this node. */
    private final class Handler implements BrokerHandler {
        @Override
        public void publication(Published publication) {
            streams.offer(publication);
        }

        @Override
        public void control(byte[] message) {
            control.handle(message);
        }

        @Override
        public void reconnected() {
            LOG.log(Level.INFO, "Broker connected again: reading what " + streams.size() + " channels missed");
            streams.catchUpAll();
        }
    }

    @Override
    public HubConfig config() {
        return config;
    }

    @Override
    public Session connect(Identity identity) {
        Session session = new Session(newClientId(), identity, config.nodeId(), clock.instant());
        registry.add(session, clock.instant());
        Optional<PresenceEvent> joined;
        try {
            joined = presence.join(identity, session.clientId(), config.nodeId());
        } catch (RuntimeException e) {
            registry.remove(session.clientId()); // a session nobody sees as present must not linger
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "Presence is unavailable, so user '"
                    + identity.userId() + "' cannot connect: " + e.getMessage(), e);
        }
        observers.each(o -> o.connected(session));
        joined.ifPresent(event -> publishPresence(event, session));
        return session;
    }

    @Override
    public void disconnect(String clientId) {
        Session session = forget(clientId);
        if (session == null) {
            return;
        }
        try {
            presence.leave(session.userId(), clientId).ifPresent(event -> publishPresence(event, session));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence of " + clientId + " could not be updated on disconnect; "
                    + "it goes with this node's lease instead: " + e);
        }
    }

    @Override
    public void handOver(String clientId) {
        forget(clientId); // presence stays, under this node's lease
    }

    /** Removes a session from this node: its subscriptions go, observers hear of it; null if unknown. */
    private Session forget(String clientId) {
        Optional<SessionState> removed = registry.remove(clientId);
        if (removed.isEmpty()) {
            return null;
        }
        removed.get().channels().forEach(streams::release);
        removed.get().channels().forEach(channel -> {
            filters.remove(clientId, channel);
            conflations.stop(clientId, channel);
        });
        Session session = removed.get().session();
        notices.release(session.userId());
        Duration duration = Duration.between(session.connectedAt(), clock.instant());
        observers.each(o -> o.disconnected(session, duration));
        return session;
    }

    @Override
    public Channel channel(String name) {
        return kinds.parse(name);
    }

    @Override
    public Optional<Channel> subscribe(String clientId, String channelName) {
        return subscribe(clientId, channelName, SubscribeOptions.NONE);
    }

    @Override
    public Optional<Channel> subscribe(String clientId, String channelName, SubscribeOptions options) {
        Optional<Session> session = registry.get(clientId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<Channel> allowed = authorize(session.get(), channelName);
        if (allowed.isEmpty()) {
            return allowed;
        }
        Channel channel = allowed.get();
        SubscriptionFilter filter;
        Duration interval;
        try {
            filter = options.filter() == null ? null : SubscriptionFilter.parse(options.filter());
            interval = options.maxRate() == null ? null : Conflations.interval(channel, options.maxRate());
        } catch (ProtocolException e) {
            replies.error(clientId, e.code(), e.getMessage(), e.field());
            return Optional.empty();
        }
        try {
            streams.acquire(channel.name()); // the broker subscription is live once this returns
        } catch (YujianException e) {
            replies.subscribeFailed(clientId, channel.name(), e.code());
            return Optional.empty();
        }
        if (filter != null) {
            filters.set(clientId, channel.name(), filter); // before it is a subscriber: no DATA escapes it
        }
        if (interval != null) {
            conflations.start(clientId, channel, interval);
        }
        if (!registry.subscribe(clientId, channel.name())) {
            filters.remove(clientId, channel.name());
            conflations.stop(clientId, channel.name());
            streams.release(channel.name()); // the session went meanwhile
            return Optional.empty();
        }
        replies.send(clientId, new SubscribedMessage(List.of(channel.name()), List.of(), clock.millis(),
                interval == null ? null : List.of(channel.name())));
        try {
            snapshots.initialData(channel).ifPresent(initial -> replies.send(clientId,
                    filters.filtered(clientId, initial)));
        } catch (RuntimeException e) {
            replies.error(clientId, ErrorCode.SERVICE_UNAVAILABLE, "The state of channel '" + channel.name()
                    + "' cannot be read now; the subscription is live, send REQUEST_SYNC to load it", null);
        }
        return allowed;
    }

    private Optional<Channel> authorize(Session session, String channelName) {
        String clientId = session.clientId();
        Channel channel;
        try {
            channel = kinds.parse(channelName);
        } catch (ProtocolException e) {
            replies.subscribeFailed(clientId, String.valueOf(channelName), ErrorCode.CHANNEL_NOT_FOUND);
            return Optional.empty();
        }
        ErrorCode refusal = !authorizer.canSubscribe(session.identity(), channel) ? ErrorCode.ACCESS_DENIED
                : registry.isSubscribed(clientId, channel.name()) ? ErrorCode.ALREADY_SUBSCRIBED
                : registry.subscriptionCount(clientId) >= config.maxSubscriptionsPerSession()
                ? ErrorCode.TOO_MANY_SUBSCRIPTIONS : null;
        if (refusal != null) {
            replies.subscribeFailed(clientId, channel.name(), refusal);
            return Optional.empty();
        }
        return Optional.of(channel);
    }

    @Override
    public void unsubscribe(String clientId, String channelName) {
        if (registry.unsubscribe(clientId, channelName)) {
            filters.remove(clientId, channelName);
            conflations.stop(clientId, channelName);
            streams.release(channelName);
            replies.send(clientId, new UnsubscribedMessage(List.of(channelName), clock.millis()));
        }
    }

    @Override
    public boolean receive(String clientId, Class<? extends ClientMessage> kind, byte[] body) {
        Optional<Session> session = registry.get(clientId);
        if (session.isEmpty()) {
            return false;
        }
        registry.touch(clientId, clock.instant());
        return requests.handle(session.get(), kind, body);
    }

    @Override
    public void refuse(String clientId, ErrorCode code, String message) {
        if (registry.get(clientId).isPresent()) {
            replies.error(clientId, code, message, null);
        }
    }

    @Override
    public void touch(String clientId) {
        registry.touch(clientId, clock.instant());
    }

    @Override
    public Published publish(Identity publisher, Channel channel, Object payload) {
        return pipeline.fromServer(publisher, channel, payload, Set.of());
    }

    @Override
    public Published publish(Identity publisher, Channel channel, Object payload, Set<String> excludedClientIds) {
        return pipeline.fromServer(publisher, channel, payload, excludedClientIds);
    }

    @Override
    public NoticeResult notifyUser(String userId, Identity sender, Object payload) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sender, "sender");
        if (payload == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Missing required field 'payload'", "payload");
        }
        return control.notice(userId, codec.toTree(payload), new Sender(sender.userId(), config.nodeId()),
                clock.millis());
    }

    @Override
    public UserPresence checkIn(Identity identity, String source, String location, Duration lease) {
        String clientId = CHECK_IN + source;
        presence.checkIn(identity, clientId, lease).ifPresent(event -> publishPresence(event, null));
        if (location != null) {
            presence.update(identity.userId(), clientId, PresenceStatus.ONLINE, location, null)
                    .ifPresent(event -> publishPresence(event, null));
        }
        return presence.get(identity.userId()).orElseThrow(() -> new YujianException(ErrorCode.SERVER_ERROR,
                "Check-in of " + identity.userId() + " expired at once; is the lease positive?"));
    }

    @Override
    public Optional<UserPresence> checkOut(String userId, String source) {
        presence.leave(userId, CHECK_IN + source).ifPresent(event -> publishPresence(event, null));
        return presence.get(userId);
    }

    @Override
    public boolean kick(String clientId, CloseCode code, String reason) {
        return control.kick(clientId, code, reason);
    }

    private boolean kickLocal(String clientId, CloseCode code, String reason) {
        if (registry.get(clientId).isEmpty()) {
            return false;
        }
        disconnect(clientId); // first, so that the hub is consistent by the time the client sees the close
        transport.close(clientId, code, reason);
        return true;
    }

    @Override
    public List<Connection> connections() {
        return control.connections();
    }

    @Override
    public void runMaintenance() {
        Instant now = clock.instant();
        for (Session stale : registry.idleSince(now.minus(config.staleAfter()))) {
            LOG.log(Level.INFO, "Closing stale session " + stale.clientId() + " of " + stale.userId());
            kickLocal(stale.clientId(), CloseCode.GOING_AWAY, "Connection timeout");
        }
        limits.evictIdle();
        strikes.evictIdle();
        broker.history().forgetIdle(streams::inUse);
    }

    @Override
    public void runPresenceHeartbeat() {
        if (!presence.heartbeat(config.nodeId(), config.nodeLease())) {
            // The lease had lapsed (a long pause) or the store lost it: make this node's sessions present again
            for (SessionState state : registry.list()) {
                Session session = state.session();
                presence.join(session.identity(), session.clientId(), config.nodeId())
                        .ifPresent(event -> publishPresence(event, session));
            }
        }
        for (PresenceEvent event : presence.expire()) {
            publishPresence(event, null);
        }
    }

    @Override
    public ConnectionRegistry registry() {
        return registry;
    }

    @Override
    public PresenceStore presence() {
        return presence;
    }

    @Override
    public HistoryStore history() {
        return broker.history();
    }

    @Override
    public void close() {
        batcher.flushAll();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        repairs.shutdownNow();
    }

    /** Broadcasts a presence change on {@code presence}; {@code cause} is the session behind it, if any. */
    private void publishPresence(PresenceEvent event, Session cause) {
        observers.each(o -> o.presenceChanged(event));
        Sender sender = cause == null ? new Sender(Sender.SYSTEM_USER, config.nodeId())
                : new Sender(cause.userId(), cause.clientId());
        try {
            pipeline.publish(cause == null ? SYSTEM : cause.identity(), sender, Channel.PRESENCE,
                    event.presence().toPayload());
        } catch (YujianException e) {
            LOG.log(Level.WARNING, "Presence change of " + event.presence().userId() + " not broadcast: "
                    + e.getMessage());
        }
    }

    private String newClientId() {
        long n = sessionCounter.incrementAndGet();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
        return Session.CLIENT_ID_PREFIX + config.nodeId() + "_" + Long.toString(n, 36) + suffix;
    }
}
