package lab.yujian.spring.stomp;

import java.util.Map;
import java.util.TreeSet;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import lab.yujian.spring.security.StompAuthenticator;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * The inbound interceptor: one call into the hub per STOMP command, after the STOMP rules
 * ({@link StompFrameRules}). Subscriptions are the hub's entirely: a SUBSCRIBE is carried out here, in one
 * call, and never passed on to a Spring broker; the adapter keeps only the mapping between STOMP
 * subscription ids and channels. Refusals never throw (a throw would end the session); the hub answers
 * them on the reply queue. Only a failed CONNECT and a broken STOMP rule throw, which end the session.
 *
 * <p>It runs on the session's own inbound thread (the inbound channel is synchronous), so the frames of
 * one session are handled one at a time, in order.
 */
public final class HubChannelInterceptor implements ChannelInterceptor {

    /** The session attribute holding the hub's client id. */
    public static final String CLIENT_ID = "yujian.clientId";

    private final Hub hub;
    private final StompAuthenticator authenticator;
    private final StompSessions sessions;
    private final StompMetrics metrics;

    public HubChannelInterceptor(Hub hub, StompAuthenticator authenticator, StompSessions sessions,
                                 StompMetrics metrics) {
        this.hub = hub;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null) {
            return message;
        }
        StompSession session = sessions.bySession(accessor.getSessionId());
        String clientId = session == null ? null : session.clientId;
        StompFrameRules.Violation violation = StompFrameRules.check(accessor, clientId != null);
        if (violation != null) {
            throw new StompProtocolViolation(violation);
        }
        if (session != null) {
            session.read();
        }
        StompCommand command = accessor.getCommand();
        if (command == null) {
            touch(clientId); // a heart-beat
            return message;
        }
        switch (command) {
            case CONNECT, STOMP -> connect(accessor);
            case SUBSCRIBE -> {
                subscribe(session, accessor);
                return null;
            }
            case UNSUBSCRIBE -> {
                unsubscribe(session, accessor);
                return null;
            }
            case SEND -> {
                return send(message, session, accessor);
            }
            case DISCONNECT -> disconnect(session);
            default -> touch(clientId);
        }
        return message;
    }

    private void connect(StompHeaderAccessor accessor) {
        Map<String, Object> attributes = accessor.getSessionAttributes();
        Identity identity;
        try {
            identity = authenticator.authenticate(authorization(accessor), attributes);
        } catch (StompAuthenticationException e) {
            metrics.connectionRejected();
            throw e;
        }
        Session session = hub.connect(identity);
        if (attributes != null) {
            attributes.put(CLIENT_ID, session.clientId());
        }
        sessions.bind(accessor.getSessionId(), session.clientId());
        accessor.setUser(new HubPrincipal(identity, session.clientId()));
    }

    private void subscribe(StompSession session, StompHeaderAccessor accessor) {
        String clientId = session.clientId;
        hub.touch(clientId);
        String destination = accessor.getDestination();
        String id = accessor.getSubscriptionId();
        if (destination.startsWith(StompDestinations.USER_QUEUE_PREFIX)) {
            session.subscribeUserQueue(destination, id); // this session's own: replies, @SendToUser
            StompReceipts.send(session, accessor);
            return;
        }
        String channelName = StompDestinations.channelOf(destination);
        if (channelName == null) {
            hub.refuse(clientId, ErrorCode.ACCESS_DENIED, "Cannot subscribe to '" + destination
                    + "'; subscribe to " + StompDestinations.TOPIC_PREFIX + "<channel> or "
                    + StompDestinations.USER_QUEUE_PREFIX + "<name>");
            return;
        }
        if (session.idInUse(id)) {
            hub.refuse(clientId, ErrorCode.INVALID_MESSAGE, "Subscription id '" + id + "' is in use; give each "
                    + "subscription of a session its own id");
            return;
        }
        // Mapped before the hub registers the session, so that a message delivered at once finds its id
        boolean mapped = session.map(id, channelName);
        if (hub.subscribe(clientId, channelName).isPresent()) {
            StompReceipts.send(session, accessor);
        } else if (mapped) {
            session.unmap(id);
        }
    }

    private void unsubscribe(StompSession session, StompHeaderAccessor accessor) {
        hub.touch(session.clientId);
        String channelName = session.unmap(accessor.getSubscriptionId());
        if (channelName != null) {
            hub.unsubscribe(session.clientId, channelName);
        } else {
            session.unsubscribeUserQueue(accessor.getSubscriptionId());
        }
        StompReceipts.send(session, accessor);
    }

    private @Nullable Message<?> send(Message<?> message, StompSession session, StompHeaderAccessor accessor) {
        String destination = accessor.getDestination();
        if (StompDestinations.isApplication(destination)) {
            return message;
        }
        if (destination != null && destination.startsWith(StompDestinations.APP_PREFIX + "/")) {
            hub.refuse(session.clientId, ErrorCode.INVALID_TYPE, "No such destination '" + destination
                    + "'; send to one of " + new TreeSet<>(StompDestinations.APPLICATION));
            return null;
        }
        hub.refuse(session.clientId, ErrorCode.PUBLISH_DENIED, "Cannot send to '" + destination
                + "'; clients publish through " + StompDestinations.APP_PREFIX + "/publish");
        return null;
    }

    private void disconnect(@Nullable StompSession session) {
        if (session != null && session.clientId != null && session.handedOver) {
            hub.handOver(session.clientId); // closed by a stopping node (StompDrain)
        } else if (session != null && session.clientId != null) {
            hub.disconnect(session.clientId);
        }
    }

    private void touch(@Nullable String clientId) {
        if (clientId != null) {
            hub.touch(clientId);
        }
    }

    private static @Nullable String authorization(StompHeaderAccessor accessor) {
        String value = accessor.getFirstNativeHeader("Authorization");
        return value != null ? value : accessor.getFirstNativeHeader("authorization");
    }
}
