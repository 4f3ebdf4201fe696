package lab.yujian.spring.stomp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.MessageCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;

/**
 * The adapter's own message broker, in the place of Spring's simple broker (which must not also run).
 * It does what a broker must for Spring's STOMP handling, and delegates everything about channels to the
 * hub:
 * <ul>
 *   <li>CONNECT is acknowledged with the heart-beats negotiated; DISCONNECT is acknowledged (so Spring
 *       sends its RECEIPT). Heart-beats are sent to sessions that asked for them and expected from those
 *       that promised them: a silent session gets ERROR {@code TIMEOUT} and close 1001.</li>
 *   <li>Topic subscriptions never reach it: the hub keeps them and its fan-out delivers them.</li>
 *   <li>A message the application sends to the broker for {@code /topic/<channel>} (with
 *       {@code SimpMessagingTemplate}) is published through the hub as the system, validated like any
 *       server publish; one for a user queue ({@code @SendToUser}, {@code convertAndSendToUser}) goes to
 *       that session's subscription of {@code /user/queue/<name>}.</li>
 * </ul>
 * The heart-beat sweep looks at every connected session once per heart-beat period: maintenance, not a
 * per-message path.
 */
public final class HubBrokerMessageHandler extends AbstractBrokerMessageHandler {

    private static final Log LOG = LogFactory.getLog(HubBrokerMessageHandler.class);
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] HEARTBEAT = {'\n'};
    private static final long MULTIPLIER = 3;
    private static final Identity SYSTEM = new Identity(Sender.SYSTEM_USER, "system", "system");

    private final Hub hub;
    private final MessageCodec codec;
    private final StompSessions sessions;
    private final TaskScheduler scheduler;
    private final long[] heartbeat;
    private final byte[] timeoutFrame;
    private volatile @Nullable ScheduledFuture<?> sweep;

    /**
     * @param heartbeat    the heart-beat the server offers and expects
     * @param timeoutFrame the ERROR frame sent to a session that fell silent
     */
    public HubBrokerMessageHandler(SubscribableChannel clientInbound, MessageChannel clientOutbound,
                                   SubscribableChannel brokerChannel, Hub hub, MessageCodec codec, StompSessions sessions,
                                   TaskScheduler scheduler, Duration heartbeat, byte[] timeoutFrame) {
        super(clientInbound, clientOutbound, brokerChannel, List.of(StompDestinations.TOPIC_PREFIX, "/queue/"));
        this.hub = hub;
        this.codec = codec;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.heartbeat = new long[] {heartbeat.toMillis(), heartbeat.toMillis()};
        this.timeoutFrame = timeoutFrame;
    }

    @Override
    protected void startInternal() {
        long every = Math.max(500, Math.min(heartbeat[0], heartbeat[1]) / 2);
        if (heartbeat[0] > 0 || heartbeat[1] > 0) {
            sweep = scheduler.scheduleWithFixedDelay(this::sweepHeartbeats, Duration.ofMillis(every));
        }
        publishBrokerAvailableEvent();
    }

    @Override
    protected void stopInternal() {
        ScheduledFuture<?> current = sweep;
        if (current != null) {
            current.cancel(false);
        }
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(headers);
        String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
        if (type == null) {
            return;
        }
        switch (type) {
            case CONNECT -> connect(message, sessionId);
            case DISCONNECT -> acknowledge(SimpMessageType.DISCONNECT_ACK, sessionId, message,
                    SimpMessageHeaderAccessor.DISCONNECT_MESSAGE_HEADER);
            case HEARTBEAT -> {
                // read times are kept by the interceptor, which sees every inbound frame
            }
            case MESSAGE -> fromApplication(message, SimpMessageHeaderAccessor.getDestination(headers));
            default -> {
                // SUBSCRIBE and UNSUBSCRIBE stay with the hub; SEND to /app goes to the handlers
            }
        }
    }

    private void connect(Message<?> message, @Nullable String sessionId) {
        StompSession session = sessions.bySession(sessionId);
        if (session == null) {
            return;
        }
        long[] client = SimpMessageHeaderAccessor.getHeartbeat(message.getHeaders());
        session.heartbeats(client[1] > 0 && heartbeat[0] > 0 ? Math.max(client[1], heartbeat[0]) : 0,
                client[0] > 0 && heartbeat[1] > 0 ? Math.max(client[0], heartbeat[1]) * MULTIPLIER : 0);
        SimpMessageHeaderAccessor ack = acknowledgement(SimpMessageType.CONNECT_ACK, sessionId, message,
                SimpMessageHeaderAccessor.CONNECT_MESSAGE_HEADER);
        ack.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, heartbeat);
        getClientOutboundChannel().send(MessageBuilder.createMessage(EMPTY, ack.getMessageHeaders()));
    }

    private void acknowledge(SimpMessageType type, @Nullable String sessionId, Message<?> original, String header) {
        if (sessionId != null) {
            SimpMessageHeaderAccessor ack = acknowledgement(type, sessionId, original, header);
            getClientOutboundChannel().send(MessageBuilder.createMessage(EMPTY, ack.getMessageHeaders()));
        }
    }

    private SimpMessageHeaderAccessor acknowledgement(SimpMessageType type, String sessionId, Message<?> original,
                                                      String header) {
        SimpMessageHeaderAccessor ack = SimpMessageHeaderAccessor.create(type);
        ack.setSessionId(sessionId);
        ack.setUser(SimpMessageHeaderAccessor.getUser(original.getHeaders()));
        ack.setHeader(header, original);
        return ack;
    }

    /** A message the application sent through the broker channel. */
    private void fromApplication(Message<?> message, @Nullable String destination) {
        String channelName = StompDestinations.channelOf(destination);
        if (channelName != null) {
            publish(channelName, message.getPayload());
        } else if (destination != null && destination.startsWith("/queue/")) {
            toUserQueue(destination, message.getPayload());
        }
    }

    private void publish(String channelName, Object payload) {
        if (!(payload instanceof byte[] json)) {
            LOG.warn("Dropped a message for channel '" + channelName + "' whose payload is not JSON bytes");
            return;
        }
        try {
            hub.publish(SYSTEM, hub.channel(channelName), codec.mapper().readTree(json));
        } catch (RuntimeException e) { // invalid JSON or payload, or history down: the sender gets no answer
            LOG.warn("Dropped an application message for '" + channelName + "': " + e.getMessage());
        }
    }

    /** {@code /queue/<name>-user<sessionId>}, as Spring resolves {@code /user/queue/<name>} per session. */
    private void toUserQueue(String destination, Object payload) {
        int marker = destination.lastIndexOf("-user");
        if (marker < 0 || !(payload instanceof byte[] body)) {
            return;
        }
        StompSession session = sessions.bySession(destination.substring(marker + "-user".length()));
        String queue = StompDestinations.USER_PREFIX + destination.substring(0, marker);
        String subscription = session == null ? null : session.userQueueSubscription(queue);
        if (subscription != null) {
            session.socket.send(StompFrames.message(queue, subscription, StompFrames.nextMessageId(), body));
        }
    }

    private void sweepHeartbeats() {
        long now = System.nanoTime();
        for (StompSession session : sessions.all()) {
            if (session.clientId == null) {
                continue;
            }
            if (session.readTimeoutNanos() > 0 && now - session.lastRead() > session.readTimeoutNanos()) {
                LOG.info("Closing session " + session.sessionId + " of " + session.clientId
                        + ": no frame or heart-beat for " + Duration.ofNanos(now - session.lastRead()).toMillis() + " ms");
                session.socket.send(timeoutFrame);
                session.socket.close(ManagedWebSocketSession.CONNECTION_TIMEOUT);
            } else if (session.writeIntervalNanos() > 0
                    && now - session.socket.lastWrite() > session.writeIntervalNanos()) {
                session.socket.send(HEARTBEAT);
            }
        }
    }

    /** The heart-beat offered, for tests. */
    long[] heartbeat() {
        return heartbeat.clone();
    }
}
