package lab.yujian.bench.client;

import java.time.Instant;

/**
 * Yu Jian (docs/protocol.md): admins with a signed JWT on CONNECT, subscribed to their replies queue and
 * to {@code collaboration.bench}; the publisher PUBLISHes a CollaborationPayload through
 * {@code /app/publish}, and PING on {@code /app/ping} is answered by PONG on the replies queue.
 */
public final class YujianDialect implements Dialect {

    /** The channel every session subscribes to; the server must not batch it ({@code YUJIAN_BATCH_CHANNELS=metrics}). */
    public static final String CHANNEL = "collaboration.bench";

    private final Jwt jwt;
    private final String pad;

    /** {@code padBytes} more characters in each message's text, to make bodies larger (0: none). */
    public YujianDialect(String secret, int padBytes) {
        this.jwt = new Jwt(secret);
        this.pad = "x".repeat(padBytes);
    }

    /** The CollaborationPayload of message {@code seq}: the stamp sits in {@code data}, found by a byte scan. */
    static String payload(String user, long seq, long nanos, String isoTime, String pad) {
        return "{\"type\":\"edit\",\"documentId\":\"bench\",\"userId\":\"" + user + "\",\"data\":{\"bseq\":" + seq
                + ",\"bt\":" + nanos + ",\"op\":\"insert\",\"text\":\"the quick brown fox" + pad + "\"},\"timestamp\":\""
                + isoTime + "\"}";
    }

    @Override
    public String connect(String user) {
        return "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer "
                + jwt.sign(user, "admin", 4 * 3600) + "\n\n\0";
    }

    @Override
    public String[] subscribe() {
        return new String[] {"SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0",
                "SUBSCRIBE\nid:c\ndestination:/topic/" + CHANNEL + "\nreceipt:c\n\n\0"};
    }

    @Override
    public String publish(String user, long seq, long nanos) {
        return "SEND\ndestination:/app/publish\ncontent-type:application/json\n\n{\"type\":\"PUBLISH\",\"channel\":\"" + CHANNEL
                + "\",\"payload\":" + payload(user, seq, nanos, Instant.now().toString(), pad) + "}\0";
    }

    @Override
    public String[] pingSubscribe(String user) {
        return new String[0];
    }

    @Override
    public String ping(String user, long token) {
        return "SEND\ndestination:/app/ping\ncontent-type:application/json\n\n{\"type\":\"PING\",\"timestamp\":" + token + "}\0";
    }

    @Override
    public char pongSubscription() {
        return REPLIES;
    }

    @Override
    public String pongTokenKey() {
        return "\"clientTimestamp\":";
    }
}
