package lab.yujian.spring.stomp;

import lab.yujian.protocol.Nullable;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * Sends RECEIPT frames for frames the hub carried out (a SUBSCRIBE once it is live, a SEND to
 * {@code /app} once it is done, a publish once it is stored). Written to the session directly, in order
 * with everything else it is sent.
 */
final class StompReceipts {

    private StompReceipts() {
    }

    /** Sends a RECEIPT if the client asked for one. */
    static void send(@Nullable StompSession session, StompHeaderAccessor request) {
        String receipt = request.getReceipt();
        if (session != null && receipt != null) {
            session.socket.send(StompFrames.receipt(receipt));
        }
    }
}
