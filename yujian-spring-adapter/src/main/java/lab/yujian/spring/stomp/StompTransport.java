package lab.yujian.spring.stomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.core.SessionTransport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.CloseStatus;

/**
 * The hub's {@link SessionTransport} over STOMP: the local fan-out. A broadcast's body is encoded once by
 * the hub; here it is framed once per distinct STOMP subscription id among its recipients (clients mostly
 * use the same few ids, so most recipients share one frame), and each frame is handed to each recipient's
 * writer without copying, encoding or blocking. No Spring message, header map or broker is involved per
 * recipient. Replies go the same way to the session's {@code /user/queue/replies} subscription.
 */
public final class StompTransport implements SessionTransport {

    private static final Log LOG = LogFactory.getLog(StompTransport.class);

    private final StompSessions sessions;

    public StompTransport(StompSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void deliver(Channel channel, byte[] message, Iterable<String> clientIds) {
        String destination = StompDestinations.TOPIC_PREFIX + channel.name();
        String messageId = StompFrames.nextMessageId();
        Map<String, byte[]> framesBySubscription = new HashMap<>(4);
        List<ManagedWebSocketSession> ready = new ArrayList<>();
        for (String clientId : clientIds) {
            StompSession session = sessions.byClient(clientId);
            String subscription = session == null ? null : session.subscriptionOf(channel.name());
            if (subscription == null) {
                continue; // gone, or unsubscribing at this moment
            }
            byte[] frame = framesBySubscription.computeIfAbsent(subscription,
                    id -> StompFrames.message(destination, id, messageId, message));
            if (session.socket.enqueue(frame)) {
                ready.add(session.socket);
            }
        }
        sessions.flush(ready);
    }

    @Override
    public void send(String clientId, byte[] message) {
        StompSession session = sessions.byClient(clientId);
        String subscription = session == null ? null : session.repliesSubscriptionId;
        if (subscription == null) {
            LOG.debug("Reply to " + clientId + " dropped: no subscription to " + StompDestinations.REPLIES);
            return;
        }
        session.socket.send(StompFrames.message(StompDestinations.REPLIES, subscription, StompFrames.nextMessageId(),
                message));
    }

    @Override
    public void close(String clientId, CloseCode code, String reason) {
        StompSession session = sessions.byClient(clientId);
        if (session != null) {
            session.socket.close(new CloseStatus(code.code(), reason));
        }
    }
}
