package lab.yujian.spring.stomp;

import java.util.Map;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import lab.yujian.spring.security.StompAuthenticator;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * The inbound interceptor: one call into the hub per STOMP command. Refusals never throw (a throw would
 * end the session); they drop the frame and the hub answers on the reply queue. Only a failed CONNECT
 * throws, which ends the session with AUTHENTICATION_FAILED.
 *
 * <p>It runs on the session's own inbound thread (the inbound channel is synchronous), so the frames of
 * one session are handled one at a time, in order.
 */
public final class HubChannelInterceptor implements ExecutorChannelInterceptor {

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
        StompCommand command = accessor.getCommand();
        StompSession session = sessions.bySession(accessor.getSessionId());
        StompFrameRules.Violation violation = StompFrameRules.check(accessor, session != null && session.clientId != null);
        if (violation != null) {
            throw new StompProtocolViolation(violation);
        }
        if (command == null) {
            touch(accessor); // a heart-beat
            return message;
        }
        switch (command) {
            case CONNECT, STOMP -> connect(accessor);
            case SUBSCRIBE -> {
                return subscribe(message, accessor);
            }
            case UNSUBSCRIBE -> unsubscribe(accessor);
            case SEND -> {
                return send(message, accessor);
            }
            case DISCONNECT -> disconnect(accessor);
            default -> touch(accessor);
        }
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                    @Nullable Exception ex) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (ex != null || accessor == null || accessor.getCommand() != StompCommand.SUBSCRIBE
                || !(handler instanceof AbstractBrokerMessageHandler)) {
            return;
        }
        String channelName = StompDestinations.channelOf(accessor.getDestination());
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (channelName != null && session != null && session.clientId != null) {
            session.channelsBySubscription.put(accessor.getSubscriptionId(), channelName);
            hub.subscribed(session.clientId, Channel.parse(channelName));
            StompReceipts.send(session, accessor);
        }
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

    private @Nullable Message<?> subscribe(Message<?> message, StompHeaderAccessor accessor) {
        StompSession session = sessions.bySession(accessor.getSessionId());
        String clientId = session == null ? null : session.clientId;
        if (clientId == null) {
            return null;
        }
        hub.touch(clientId);
        String destination = accessor.getDestination();
        if (StompDestinations.REPLIES.equals(destination)) {
            session.repliesSubscriptionId = accessor.getSubscriptionId();
            StompReceipts.send(session, accessor);
            return null; // replies are delivered locally; the broker never sees this subscription
        }
        String channelName = StompDestinations.channelOf(destination);
        if (channelName == null) {
            hub.refuse(clientId, ErrorCode.ACCESS_DENIED, "Cannot subscribe to '" + destination
                    + "'; subscribe to " + StompDestinations.TOPIC_PREFIX + "<channel> or " + StompDestinations.REPLIES);
            return null;
        }
        return hub.authorizeSubscribe(clientId, channelName).isPresent() ? message : null;
    }

    private void unsubscribe(StompHeaderAccessor accessor) {
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (session == null || session.clientId == null) {
            return;
        }
        hub.touch(session.clientId);
        String channelName = session.channelsBySubscription.remove(accessor.getSubscriptionId());
        if (channelName != null) {
            hub.unsubscribed(session.clientId, channelName);
        }
    }

    private @Nullable Message<?> send(Message<?> message, StompHeaderAccessor accessor) {
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (session == null || session.clientId == null) {
            return null;
        }
        String destination = accessor.getDestination();
        if (StompDestinations.isApplication(destination)) {
            return message;
        }
        if (destination != null && destination.startsWith(StompDestinations.APP_PREFIX + "/")) {
            hub.refuse(session.clientId, ErrorCode.INVALID_TYPE, "No such destination '" + destination
                    + "'; send to one of " + new java.util.TreeSet<>(StompDestinations.APPLICATION));
            return null;
        }
        hub.refuse(session.clientId, ErrorCode.PUBLISH_DENIED, "Cannot send to '" + accessor.getDestination()
                + "'; clients publish through " + StompDestinations.APP_PREFIX + "/publish");
        return null;
    }

    private void disconnect(StompHeaderAccessor accessor) {
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (session != null) {
            session.socket.clientDisconnected();
        }
        if (session != null && session.clientId != null) {
            hub.disconnect(session.clientId);
        }
    }

    private void touch(StompHeaderAccessor accessor) {
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (session != null && session.clientId != null) {
            hub.touch(session.clientId);
        }
    }

    private static @Nullable String authorization(StompHeaderAccessor accessor) {
        String value = accessor.getFirstNativeHeader("Authorization");
        return value != null ? value : accessor.getFirstNativeHeader("authorization");
    }
}
