package lab.yujian.bench.client;

import java.time.Instant;

/**
 * The stock Spring app (simple broker or relay). No authentication. Publishers SEND to
 * {@code /app/publish}, which a {@code @MessageMapping} forwards to {@code /topic/bench}, as the Spring
 * guide teaches; the body has the shape and size of the DATA frame Yu Jian delivers for the same
 * publish, so both deliver the same bytes per message. Pings are a round trip through a topic of the
 * session's own ({@code /app/ping/{id}} echoed to {@code /topic/pong.{id}}), which works the same over
 * the simple broker and the relay.
 */
public final class StockDialect implements Dialect {

    private final String pad;

    /** {@code padBytes} more characters in each message's text, as {@link YujianDialect} adds them. */
    public StockDialect(int padBytes) {
        this.pad = "x".repeat(padBytes);
    }

    @Override
    public String connect(String user) {
        return "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0";
    }

    @Override
    public String[] subscribe() {
        return new String[] {"SUBSCRIBE\nid:c\ndestination:/topic/bench\nreceipt:c\n\n\0"};
    }

    @Override
    public String publish(String user, long seq, long nanos) {
        String payload = YujianDialect.payload(user, seq, nanos, Instant.now().toString(), pad);
        String body = "{\"type\":\"DATA\",\"channel\":\"collaboration.bench\",\"payload\":" + payload
                + ",\"sender\":{\"userId\":\"" + user + "\",\"clientId\":\"ws_node-bench00_" + String.format("%05d", seq % 100000)
                + "\"},\"sequence\":" + seq + ",\"epoch\":\"0123456789abcdef\",\"timestamp\":" + System.currentTimeMillis() + "}";
        return "SEND\ndestination:/app/publish\ncontent-type:application/json\n\n" + body + "\0";
    }

    @Override
    public String[] pingSubscribe(String user) {
        return new String[] {"SUBSCRIBE\nid:p\ndestination:/topic/pong." + user + "\n\n\0"};
    }

    @Override
    public String ping(String user, long token) {
        return "SEND\ndestination:/app/ping/" + user + "\ncontent-type:application/json\n\n{\"type\":\"PING\",\"timestamp\":"
                + token + "}\0";
    }

    @Override
    public char pongSubscription() {
        return PONG;
    }

    @Override
    public String pongTokenKey() {
        return "\"timestamp\":";
    }
}
