package lab.yujian.spring.stomp;

import lab.yujian.core.Transport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.CloseStatus;

/**
 * The hub's {@link Transport} over Spring messaging. Broadcasts go to the broker, which fans them out to
 * {@code /topic/<channel>} subscribers (the broker, not a loop here); replies go straight to the session's
 * ordered outbound channel, never through the broker, so that no broker keeps a queue per session.
 * The bytes are the hub's single encoding of each message.
 */
public final class StompTransport implements Transport {

    private static final Log LOG = LogFactory.getLog(StompTransport.class);

    private final ObjectProvider<SimpMessagingTemplate> brokerTemplate;
    private final StompSessions sessions;

    /**
     * @param brokerTemplate the broker messaging template, looked up on first use (it is created by the
     *                       same configuration that needs the hub)
     */
    public StompTransport(ObjectProvider<SimpMessagingTemplate> brokerTemplate, StompSessions sessions) {
        this.brokerTemplate = brokerTemplate;
        this.sessions = sessions;
    }

    @Override
    public void broadcast(Channel channel, byte[] message) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
        accessor.setLeaveMutable(true);
        brokerTemplate.getObject().send(StompDestinations.TOPIC_PREFIX + channel.name(),
                MessageBuilder.createMessage(message, accessor.getMessageHeaders()));
    }

    @Override
    public void send(String clientId, byte[] message) {
        StompSession session = sessions.byClient(clientId);
        String subscription = session == null ? null : session.repliesSubscriptionId;
        if (subscription == null) {
            LOG.debug("Reply to " + clientId + " dropped: no subscription to " + StompDestinations.REPLIES);
            return;
        }
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        accessor.setSessionId(session.sessionId);
        accessor.setSubscriptionId(subscription);
        accessor.setDestination(StompDestinations.REPLIES);
        accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
        accessor.setLeaveMutable(true);
        session.replies.send(MessageBuilder.createMessage(message, accessor.getMessageHeaders()));
    }

    @Override
    public void close(String clientId, CloseCode code, String reason) {
        StompSession session = sessions.byClient(clientId);
        if (session == null) {
            return;
        }
        session.socket.close(new CloseStatus(code.code(), reason));
    }
}
