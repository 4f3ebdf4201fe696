package lab.yujian.spring.stomp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * STOMP frames the adapter writes itself, around a body that is encoded already: a {@code MESSAGE} for a
 * broadcast or a reply, a {@code RECEIPT}. Per recipient only the header block differs, and only by the
 * subscription id; the caller builds one frame per distinct subscription id and shares it.
 */
final class StompFrames {

    private static final byte[] HEADERS_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private StompFrames() {
    }

    /** A new message id, unique on this node. */
    static String nextMessageId() {
        return Long.toString(MESSAGE_IDS.incrementAndGet(), 36);
    }

    /** {@code MESSAGE} to a subscription, with a JSON body. */
    static byte[] message(String destination, String subscription, String messageId, byte[] body) {
        String head = "MESSAGE\ndestination:" + escape(destination) + "\ncontent-type:application/json\nsubscription:"
                + escape(subscription) + "\nmessage-id:" + messageId + "\ncontent-length:" + body.length;
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[headBytes.length + HEADERS_END.length + body.length + 1];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(HEADERS_END, 0, frame, headBytes.length, HEADERS_END.length);
        System.arraycopy(body, 0, frame, headBytes.length + HEADERS_END.length, body.length);
        return frame; // the last byte is the NUL that ends the frame
    }

    /** {@code RECEIPT} for a client's receipt id. */
    static byte[] receipt(String receiptId) {
        return ("RECEIPT\nreceipt-id:" + escape(receiptId) + "\n\n\0").getBytes(StandardCharsets.UTF_8);
    }

    /** STOMP 1.2 header escaping. */
    static String escape(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != '\\' && c != ':' && c != '\n' && c != '\r';
        }
        if (plain) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ':' -> escaped.append("\\c");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
