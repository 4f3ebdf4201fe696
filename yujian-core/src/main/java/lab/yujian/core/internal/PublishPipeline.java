package lab.yujian.core.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import lab.yujian.core.PublishHook;
import lab.yujian.core.YujianException;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;

/**
 * The publish path, for client and server publishes alike, in the order it happens:
 * <ol>
 *   <li><b>parse</b> the body (JSON, type, required fields) and the channel name;</li>
 *   <li><b>authorize</b>: may this role publish here? (before the payload is looked at, so that a caller
 *       who may not publish learns nothing of the schema);</li>
 *   <li><b>rate-limit</b> the user;</li>
 *   <li><b>validate</b> the payload as the channel's record;</li>
 *   <li>run the channel kind's <b>hook</b>, which may store it or rewrite server-owned fields;</li>
 *   <li><b>encode</b> the DATA once, and <b>append and deliver</b> it through the broker, which assigns
 *       the position.</li>
 * </ol>
 * The body is decoded once (bytes to a tree to the payload record) and the message encoded once (the
 * record to the DATA bytes that history, the broker and every socket share). Server publishes enter at
 * step 4. A refusal is thrown as {@link ProtocolException} or {@link YujianException}, except that a
 * denied or rate-limited client is answered here (they are not failures of the message).
 */
final class PublishPipeline {

    private final MessageCodec codec;
    private final Clock clock;
    private final ChannelAuthorizer authorizer;
    private final SendLimits limits;
    private final Replies replies;
    private final Map<ChannelKind, PublishHook> hooks;
    private final Broker broker;
    private final Observers observers;
    private final String nodeId;
    private final ChannelKinds kinds;

    PublishPipeline(MessageCodec codec, Clock clock, ChannelAuthorizer authorizer, SendLimits limits, Replies replies,
                    Map<ChannelKind, PublishHook> hooks, Broker broker, Observers observers, String nodeId,
                    ChannelKinds kinds) {
        this.kinds = kinds;
        this.codec = codec;
        this.clock = clock;
        this.authorizer = authorizer;
        this.limits = limits;
        this.replies = replies;
        this.hooks = hooks;
        this.broker = broker;
        this.observers = observers;
        this.nodeId = nodeId;
    }

    /** A client's {@code PUBLISH}; true once it is stored, false if it was refused (and the client told). */
    boolean fromClient(Session session, byte[] body) {
        PublishMessage message = codec.decodeClient(body, PublishMessage.class);
        observers.each(o -> o.received("PUBLISH", message.channel(), body.length));
        Channel channel = kinds.parse(message.channel());
        if (!authorizer.canPublish(session.identity(), channel)) {
            replies.error(session.clientId(), ErrorCode.PUBLISH_DENIED, "Role '" + session.identity().role()
                    + "' may not publish to channel '" + channel.name() + "'", null);
            return false;
        }
        if (!limits.permitted(session)) {
            return false;
        }
        Object payload = codec.readPayload(channel, message.payload());
        publish(session.identity(), new Sender(session.userId(), session.clientId()), channel, payload);
        return true;
    }

    /**
     * A server-side publish: no role, no rate limit; the payload is validated like a client's. The
     * {@code excluded} sessions, on any node, get a SKIP instead of the DATA.
     */
    Published fromServer(Identity publisher, Channel channel, Object payload, Set<String> excluded) {
        Object validated = codec.readPayload(channel, codec.toTree(payload));
        return publish(publisher, new Sender(publisher.userId(), nodeId), channel, validated, excluded);
    }

    /** Steps 5 and 6: the hook, then one encoding, appended and delivered. */
    Published publish(Identity publisher, Sender sender, Channel channel, Object payload) {
        return publish(publisher, sender, channel, payload, Set.of());
    }

    private Published publish(Identity publisher, Sender sender, Channel channel, Object payload,
                              Set<String> excluded) {
        PublishHook hook = hooks.get(channel.kind());
        Object toPublish = hook == null ? payload : hook.beforePublish(publisher, channel, payload);
        if (toPublish == null || toPublish.getClass() != payload.getClass()) {
            throw new YujianException(ErrorCode.SERVER_ERROR, "The " + channel.kind() + " publish hook returned "
                    + (toPublish == null ? "null" : toPublish.getClass().getSimpleName()) + " instead of a "
                    + payload.getClass().getSimpleName());
        }
        long now = clock.millis();
        byte[] prefix = DataEncoding.prefix(codec, channel.name(), toPublish, sender, now);
        Published stored;
        try {
            stored = broker.publish(channel.name(), new Publication(prefix, now, excluded));
        } catch (YujianException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "History of channel '" + channel.name()
                    + "' is unavailable, so nothing was published: " + e.getMessage(), e);
        }
        observers.each(o -> o.published(stored, toPublish));
        return stored;
    }
}
