package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import lab.yujian.core.YujianException;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Recovery;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.RateLimitDecision;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.protocol.json.MessageCodec;

/**
 * Client messages, each through the pipeline's order: validate, authorize, rate-limit, act. Every
 * failure becomes an {@code ERROR} reply; nothing thrown here reaches the adapter.
 */
final class ClientRequests {

    private static final System.Logger LOG = System.getLogger(ClientRequests.class.getName());

    private final MessageCodec codec;
    private final Clock clock;
    private final ChannelAuthorizer authorizer;
    private final RateLimiter rateLimiter;
    private final PresenceStore presence;
    private final HistoryStore history;
    private final Replies replies;
    private final Snapshots snapshots;
    private final PublishPipeline pipeline;
    private final BiConsumer<PresenceEvent, Session> presenceChanged;
    private final Observers observers;

    ClientRequests(MessageCodec codec, Clock clock, ChannelAuthorizer authorizer, RateLimiter rateLimiter,
                   PresenceStore presence, HistoryStore history, Replies replies, Snapshots snapshots,
                   PublishPipeline pipeline, BiConsumer<PresenceEvent, Session> presenceChanged,
                   Observers observers) {
        this.codec = codec;
        this.clock = clock;
        this.authorizer = authorizer;
        this.rateLimiter = rateLimiter;
        this.presence = presence;
        this.history = history;
        this.replies = replies;
        this.snapshots = snapshots;
        this.pipeline = pipeline;
        this.presenceChanged = presenceChanged;
        this.observers = observers;
    }

    boolean handle(Session session, Class<? extends ClientMessage> kind, byte[] body) {
        String type = MessageCodec.typeName(kind);
        try {
            ClientMessage message = decode(body, kind, type);
            if (message instanceof PublishMessage publish) {
                return publish(session, publish);
            } else if (message instanceof SyncRequestMessage sync) {
                return sync(session, sync);
            } else if (message instanceof PresenceUpdateMessage update) {
                return presence(session, update);
            } else if (message instanceof PingMessage ping) {
                return ping(session, ping);
            }
            throw new ProtocolException(ErrorCode.INVALID_TYPE, kind.getSimpleName() + " is not sent to a destination");
        } catch (ProtocolException e) {
            replies.error(session.clientId(), e.code(), e.getMessage(), e.field());
        } catch (YujianException e) {
            replies.error(session.clientId(), e.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Failed to handle " + kind.getSimpleName() + " from " + session.clientId(), e);
            replies.error(session.clientId(), ErrorCode.SERVER_ERROR, "The server failed to handle this message", null);
        }
        return false;
    }

    private ClientMessage decode(byte[] body, Class<? extends ClientMessage> kind, String type) {
        ClientMessage message;
        try {
            message = codec.decodeClient(body, kind);
        } catch (ProtocolException e) {
            observers.each(o -> o.received(type, null, body.length));
            throw e;
        }
        String channel = message instanceof PublishMessage publish ? publish.channel()
                : message instanceof SyncRequestMessage sync ? sync.channel() : null;
        observers.each(o -> o.received(type, channel, body.length));
        return message;
    }

    /** {@code SUBSCRIBED}, then {@code INITIAL_DATA} where the channel has state. */
    void answerSubscribed(String clientId, Channel channel) {
        replies.send(clientId, new SubscribedMessage(List.of(channel.name()), List.of(), clock.millis()));
        snapshots.initialData(channel).ifPresent(initial -> replies.send(clientId, initial));
    }

    void evictIdleLimits() {
        rateLimiter.evictIdle();
    }

    private boolean publish(Session session, PublishMessage message) {
        Channel channel = Channel.parse(message.channel());
        Object payload = codec.readPayload(channel, message.payload());
        if (!authorizer.canPublish(session.identity(), channel)) {
            return deny(session, ErrorCode.PUBLISH_DENIED, "Role '" + session.identity().role()
                    + "' may not publish to channel '" + channel.name() + "'");
        }
        if (!permitted(session)) {
            return false;
        }
        pipeline.publish(session.identity(), new Sender(session.userId(), session.clientId()), channel, payload);
        return true;
    }

    private boolean sync(Session session, SyncRequestMessage message) {
        Channel channel = Channel.parse(message.channel());
        if (!authorizer.canSubscribe(session.identity(), channel)) {
            return deny(session, ErrorCode.ACCESS_DENIED, "Role '" + session.identity().role()
                    + "' may not read channel '" + channel.name() + "'");
        }
        if (!permitted(session)) {
            return false;
        }
        Recovery recovery;
        try {
            recovery = history.recover(channel.name(), message.lastSequence(), message.epoch());
        } catch (RuntimeException e) {
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "History of channel '" + channel.name()
                    + "' is unavailable: " + e.getMessage(), e);
        }
        replies.send(session.clientId(), new SyncResponseMessage(channel.name(), recovery.messages(),
                recovery.current().sequence(), recovery.current().epoch(), recovery.recovered(), recovery.reason(),
                recovery.missing(), clock.millis()));
        if (!recovery.recovered()) {
            snapshots.initialData(channel).ifPresent(initial -> replies.send(session.clientId(), initial));
        }
        return true;
    }

    private boolean presence(Session session, PresenceUpdateMessage message) {
        if (!permitted(session)) {
            return false;
        }
        presence.update(session.userId(), session.clientId(), message.status(), message.location(),
                message.activity()).ifPresent(event -> presenceChanged.accept(event, session));
        return true;
    }

    private boolean ping(Session session, PingMessage message) {
        if (!permitted(session)) {
            return false;
        }
        replies.send(session.clientId(), new PongMessage(clock.millis(), message.timestamp()));
        return true;
    }

    private boolean permitted(Session session) {
        RateLimitDecision decision = rateLimiter.tryAcquire(session.userId());
        if (decision.allowed()) {
            return true;
        }
        return deny(session, ErrorCode.RATE_LIMITED, decision.describe("user " + session.userId()));
    }

    private boolean deny(Session session, ErrorCode code, String message) {
        replies.error(session.clientId(), code, message, null);
        return false;
    }
}
