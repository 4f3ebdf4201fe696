package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import lab.yujian.core.YujianException;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.Recovery;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.PongMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.SubscriptionFilter;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;

/**
 * Client messages to {@code /app}: a publish goes down the {@link PublishPipeline}; a sync, a presence
 * update and a ping are handled here, each validated, authorized and rate-limited first. Every failure
 * becomes an {@code ERROR} reply; nothing thrown here reaches the adapter. Only a failure of the server
 * itself is logged, once, with its stack trace.
 */
final class ClientRequests {

    private static final System.Logger LOG = System.getLogger(ClientRequests.class.getName());

    private final MessageCodec codec;
    private final Clock clock;
    private final ChannelAuthorizer authorizer;
    private final SendLimits limits;
    private final PresenceStore presence;
    private final HistoryStore history;
    private final Replies replies;
    private final Snapshots snapshots;
    private final PublishPipeline pipeline;
    private final BiConsumer<PresenceEvent, Session> presenceChanged;
    private final Observers observers;

    private final SubscriptionFilters filters;
    private final ChannelKinds kinds;

    ClientRequests(MessageCodec codec, Clock clock, ChannelAuthorizer authorizer, SendLimits limits,
                   PresenceStore presence, HistoryStore history, Replies replies, Snapshots snapshots,
                   PublishPipeline pipeline, BiConsumer<PresenceEvent, Session> presenceChanged, Observers observers,
                   SubscriptionFilters filters, ChannelKinds kinds) {
        this.kinds = kinds;
        this.filters = filters;
        this.codec = codec;
        this.clock = clock;
        this.authorizer = authorizer;
        this.limits = limits;
        this.presence = presence;
        this.history = history;
        this.replies = replies;
        this.snapshots = snapshots;
        this.pipeline = pipeline;
        this.presenceChanged = presenceChanged;
        this.observers = observers;
    }

    boolean handle(Session session, Class<? extends ClientMessage> kind, byte[] body) {
        try {
            if (kind == PublishMessage.class) {
                return pipeline.fromClient(session, body);
            }
            ClientMessage message = decode(body, kind);
            if (message instanceof SyncRequestMessage sync) {
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
            replies.error(session.clientId(), e.code(), e.getMessage(), e.field());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Failed to handle " + kind.getSimpleName() + " from " + session.clientId(), e);
            replies.error(session.clientId(), ErrorCode.SERVER_ERROR, "The server failed to handle this message", null);
        }
        return false;
    }

    private ClientMessage decode(byte[] body, Class<? extends ClientMessage> kind) {
        String type = MessageCodec.typeName(kind);
        ClientMessage message;
        try {
            message = codec.decodeClient(body, kind);
        } catch (ProtocolException e) {
            observers.each(o -> o.received(type, null, body.length));
            throw e;
        }
        String channel = message instanceof SyncRequestMessage sync ? sync.channel() : null;
        observers.each(o -> o.received(type, channel, body.length));
        return message;
    }

    private boolean sync(Session session, SyncRequestMessage message) {
        Channel channel = kinds.parse(message.channel());
        if (!authorizer.canSubscribe(session.identity(), channel)) {
            replies.error(session.clientId(), ErrorCode.ACCESS_DENIED, "Role '" + session.identity().role()
                    + "' may not read channel '" + channel.name() + "'", null);
            return false;
        }
        if (!limits.permitted(session)) {
            return false;
        }
        Recovery recovery;
        try {
            recovery = history.recover(channel.name(), message.lastSequence(), message.epoch());
        } catch (RuntimeException e) {
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "History of channel '" + channel.name()
                    + "' is unavailable: " + e.getMessage(), e);
        }
        // A filtered subscription gets only what matches; the rest is listed as skipped, so no gap shows
        SubscriptionFilter filter = filters.of(session.clientId(), channel.name());
        List<byte[]> missed = new ArrayList<>(recovery.messages().size());
        List<Long> skipped = filter == null ? null : new ArrayList<>();
        for (Published published : recovery.messages()) {
            if (filter == null || filter.matches(codec.mapper().readTree(published.data()).path("payload"))) {
                missed.add(published.data());
            } else {
                skipped.add(published.sequence());
            }
        }
        SyncResponseMessage response = new SyncResponseMessage(channel.name(), List.of(),
                recovery.current().sequence(), recovery.current().epoch(), recovery.recovered(), recovery.reason(),
                recovery.missing(), clock.millis(), skipped);
        replies.sendEncoded(session.clientId(), DataEncoding.syncResponse(codec, response, missed));
        if (!recovery.recovered()) {
            snapshots.initialData(channel).ifPresent(initial -> replies.send(session.clientId(),
                    filters.filtered(session.clientId(), initial)));
        }
        return true;
    }

    private boolean presence(Session session, PresenceUpdateMessage message) {
        if (!limits.permitted(session)) {
            return false;
        }
        Optional<PresenceEvent> changed;
        try {
            changed = presence.update(session.userId(), session.clientId(), message.status(), message.location(),
                    message.activity());
        } catch (RuntimeException e) {
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "Presence is unavailable: " + e.getMessage(), e);
        }
        changed.ifPresent(event -> presenceChanged.accept(event, session));
        return true;
    }

    private boolean ping(Session session, PingMessage message) {
        if (!limits.permitted(session)) {
            return false;
        }
        replies.send(session.clientId(), new PongMessage(clock.millis(), message.timestamp()));
        return true;
    }
}
