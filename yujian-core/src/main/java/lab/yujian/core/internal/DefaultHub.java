package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab.yujian.core.Hub;
import lab.yujian.core.HubConfig;
import lab.yujian.core.Transport;
import lab.yujian.core.YujianException;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.batch.FlushScheduler;
import lab.yujian.core.batch.MessageBatcher;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.core.ratelimit.InMemoryRateLimiter;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.registry.SessionState;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.UnsubscribedMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * The hub: session lifecycle and subscriptions here; client messages in {@link ClientRequests}; the
 * publish tail in {@link PublishPipeline}; replies and strikes in {@link Replies}.
 */
public final class DefaultHub implements Hub {

    private static final System.Logger LOG = System.getLogger(DefaultHub.class.getName());
    private static final String CHECK_IN = "check-in:";

    private final HubConfig config;
    private final Clock clock;
    private final Transport transport;
    private final ConnectionRegistry registry;
    private final HistoryStore history;
    private final PresenceStore presence;
    private final ChannelAuthorizer authorizer;
    private final MessageCodec codec;
    private final Observers observers;
    private final InMemoryRateLimiter strikes;
    private final Replies replies;
    private final Snapshots snapshots;
    private final MessageBatcher batcher;
    private final PublishPipeline pipeline;
    private final ClientRequests requests;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final AtomicLong sessionCounter = new AtomicLong();

    public DefaultHub(HubParts parts) {
        this.config = parts.config();
        this.clock = parts.clock();
        this.transport = parts.transport();
        this.registry = parts.registry();
        this.history = parts.history();
        this.presence = parts.presence();
        this.authorizer = parts.authorizer();
        this.codec = parts.codec();
        this.observers = new Observers(parts.observers());
        this.ownsScheduler = parts.scheduler() == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "yujian-hub-" + config.nodeId());
            thread.setDaemon(true);
            return thread;
        }) : parts.scheduler();
        this.strikes = new InMemoryRateLimiter(
                new RateLimitConfig(config.abuseLimit(), config.rateLimit().window()), clock);
        this.replies = new Replies(transport, codec, clock, strikes, observers,
                clientId -> kick(clientId, CloseCode.POLICY_VIOLATION, "Too many refused messages"));
        this.snapshots = new Snapshots(parts.snapshots(), history, presence, codec, clock, config.snapshotSize());
        FlushScheduler flushes = parts.flushScheduler() != null ? parts.flushScheduler()
                : (task, delay) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        this.batcher = new MessageBatcher(config.batch(), clock, flushes,
                batch -> transport.broadcast(Channel.parse(batch.channel()), codec.encode(batch)));
        this.pipeline = new PublishPipeline(history, transport, codec, clock, parts.hooks(), config.batch(),
                batcher, observers);
        this.requests = new ClientRequests(codec, clock, authorizer, parts.rateLimiter(), presence, history,
                replies, snapshots, pipeline, this::publishPresence, observers);
        long interval = config.maintenanceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::maintenanceSafely, interval, interval, TimeUnit.MILLISECONDS);
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
            joined = presence.join(identity, session.clientId());
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
        Optional<SessionState> removed = registry.remove(clientId);
        if (removed.isEmpty()) {
            return;
        }
        Session session = removed.get().session();
        Duration duration = Duration.between(session.connectedAt(), clock.instant());
        observers.each(o -> o.disconnected(session, duration));
        try {
            presence.leave(session.userId(), clientId).ifPresent(event -> publishPresence(event, session));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence of " + clientId + " could not be updated on disconnect; "
                    + "its lease will expire instead", e);
        }
    }

    @Override
    public Optional<Channel> authorizeSubscribe(String clientId, String channelName) {
        Optional<Session> session = registry.get(clientId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Channel channel;
        try {
            channel = Channel.parse(channelName);
        } catch (ProtocolException e) {
            replies.subscribeFailed(clientId, String.valueOf(channelName), ErrorCode.CHANNEL_NOT_FOUND);
            return Optional.empty();
        }
        if (!authorizer.canSubscribe(session.get().identity(), channel)) {
            replies.subscribeFailed(clientId, channel.name(), ErrorCode.ACCESS_DENIED);
            return Optional.empty();
        }
        if (registry.isSubscribed(clientId, channel.name())) {
            replies.subscribeFailed(clientId, channel.name(), ErrorCode.ALREADY_SUBSCRIBED);
            return Optional.empty();
        }
        if (registry.subscriptionCount(clientId) >= config.maxSubscriptionsPerSession()) {
            replies.subscribeFailed(clientId, channel.name(), ErrorCode.TOO_MANY_SUBSCRIPTIONS);
            return Optional.empty();
        }
        return Optional.of(channel);
    }

    @Override
    public void subscribed(String clientId, Channel channel) {
        if (registry.subscribe(clientId, channel.name())) {
            requests.answerSubscribed(clientId, channel);
        }
    }

    @Override
    public void unsubscribed(String clientId, String channelName) {
        if (registry.unsubscribe(clientId, channelName)) {
            replies.send(clientId, new UnsubscribedMessage(java.util.List.of(channelName), clock.millis()));
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
    public DataMessage publish(Identity publisher, Channel channel, Object payload) {
        Object validated = codec.readPayload(channel, codec.toTree(payload));
        return pipeline.publish(publisher, new Sender(publisher.userId(), config.nodeId()), channel, validated);
    }

    @Override
    public UserPresence checkIn(Identity identity, String source, String location, Duration lease) {
        String clientId = CHECK_IN + source;
        presence.join(identity, clientId, lease).ifPresent(event -> publishPresence(event, null));
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
    public void kick(String clientId, CloseCode code, String reason) {
        if (registry.get(clientId).isPresent()) {
            disconnect(clientId); // first, so that the hub is consistent by the time the client sees the close
            transport.close(clientId, code, reason);
        }
    }

    @Override
    public void runMaintenance() {
        Instant now = clock.instant();
        for (Session stale : registry.idleSince(now.minus(config.staleAfter()))) {
            LOG.log(Level.INFO, "Closing stale session " + stale.clientId() + " of " + stale.userId());
            kick(stale.clientId(), CloseCode.GOING_AWAY, "Connection timeout");
        }
        for (SessionState state : registry.list()) {
            Session session = state.session();
            if (!presence.renew(session.userId(), session.clientId())) {
                presence.join(session.identity(), session.clientId()).ifPresent(e -> publishPresence(e, session));
            }
        }
        for (PresenceEvent event : presence.expire()) {
            publishPresence(event, null);
        }
        requests.evictIdleLimits();
        strikes.evictIdle();
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
        return history;
    }

    @Override
    public void close() {
        batcher.flushAll();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    private void maintenanceSafely() {
        try {
            runMaintenance();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Hub maintenance failed; it runs again in " + config.maintenanceInterval(), e);
        }
    }

    /** Broadcasts a presence change on {@code presence}; {@code cause} is the session behind it, if any. */
    void publishPresence(PresenceEvent event, Session cause) {
        observers.each(o -> o.presenceChanged(event));
        Identity system = new Identity(Sender.SYSTEM_USER, "system", "system");
        Sender sender = cause == null ? new Sender(Sender.SYSTEM_USER, config.nodeId())
                : new Sender(cause.userId(), cause.clientId());
        try {
            pipeline.publish(cause == null ? system : cause.identity(), sender, Channel.PRESENCE,
                    event.presence().toPayload());
        } catch (YujianException e) {
            LOG.log(Level.WARNING, "Presence change of " + event.presence().userId() + " not broadcast", e);
        }
    }

    private String newClientId() {
        long n = sessionCounter.incrementAndGet();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
        return "ws_" + config.nodeId() + "_" + Long.toString(n, 36) + suffix;
    }
}
