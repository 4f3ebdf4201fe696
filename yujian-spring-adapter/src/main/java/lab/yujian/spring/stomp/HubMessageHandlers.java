package lab.yujian.spring.stomp;

import java.time.Duration;
import lab.yujian.core.Hub;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.PingMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.SyncRequestMessage;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The client sends of the protocol: each {@code /app/*} destination takes one message type, hands the raw
 * body to the hub, and confirms with a RECEIPT when the client asked for one and the hub carried it out.
 */
@Controller
public class HubMessageHandlers {

    private final Hub hub;
    private final StompSessions sessions;
    private final StompMetrics metrics;

    public HubMessageHandlers(Hub hub, StompSessions sessions, StompMetrics metrics) {
        this.hub = hub;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /** {@code /app/publish} takes PUBLISH. */
    @MessageMapping("/publish")
    public void publish(Message<byte[]> message) {
        dispatch(message, PublishMessage.class);
    }

    /** {@code /app/sync} takes REQUEST_SYNC. */
    @MessageMapping("/sync")
    public void sync(Message<byte[]> message) {
        dispatch(message, SyncRequestMessage.class);
    }

    /** {@code /app/presence} takes PRESENCE_UPDATE. */
    @MessageMapping("/presence")
    public void presence(Message<byte[]> message) {
        dispatch(message, PresenceUpdateMessage.class);
    }

    /** {@code /app/ping} takes PING. */
    @MessageMapping("/ping")
    public void ping(Message<byte[]> message) {
        dispatch(message, PingMessage.class);
    }

    private void dispatch(Message<byte[]> message, Class<? extends ClientMessage> kind) {
        long start = System.nanoTime();
        StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
        StompSession session = sessions.bySession(accessor.getSessionId());
        if (session == null || session.clientId == null) {
            return;
        }
        if (hub.receive(session.clientId, kind, message.getPayload())) {
            StompReceipts.send(session, accessor);
        }
        metrics.handled(Duration.ofNanos(System.nanoTime() - start));
    }
}
