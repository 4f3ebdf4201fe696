package lab.yujian.spring.stomp;

import lab.yujian.protocol.Nullable;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends RECEIPT frames for frames the hub carried out. Spring's simple broker answers no receipt for
 * SUBSCRIBE and none for SEND to {@code /app}; the adapter does, once the work is done.
 */
final class StompReceipts {

    private static final byte[] EMPTY = new byte[0];

    private StompReceipts() {
    }

    /** Sends a RECEIPT on the session's reply channel if the client asked for one. */
    static void send(@Nullable StompSession session, StompHeaderAccessor request) {
        String receipt = request.getReceipt();
        if (session == null || receipt == null) {
            return;
        }
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.RECEIPT);
        accessor.setReceiptId(receipt);
        accessor.setSessionId(session.sessionId);
        accessor.setLeaveMutable(true);
        MessageChannel channel = session.replies;
        channel.send(MessageBuilder.createMessage(EMPTY, accessor.getMessageHeaders()));
    }
}
