package lab.yujian.bench.client;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Acts on one session's parsed frames: subscribes on CONNECTED, marks the session ready on the topic's
 * RECEIPT (or its first message, since the simple broker sends no RECEIPT for SUBSCRIBE), scans MESSAGE
 * bodies for the publisher's stamps, and hands pongs and errors to the listener.
 */
final class StompDispatcher implements Consumer<StompFrame> {

    private static final byte[] SEQ = "\"bseq\":".getBytes();
    private static final byte[] NANOS = ",\"bt\":".getBytes();

    private final Session session;
    private final Dialect dialect;
    private final SessionListener listener;

    StompDispatcher(Session session, Dialect dialect, SessionListener listener) {
        this.session = session;
        this.dialect = dialect;
        this.listener = listener;
    }

    Dialect dialect() { return dialect; }
    SessionListener listener() { return listener; }

    @Override
    public void accept(StompFrame frame) {
        switch (frame.command()) {
            case MESSAGE -> message(frame);
            case RECEIPT -> {
                if ("c".equals(frame.header("receipt-id"))) {
                    ready();
                }
            }
            case CONNECTED -> {
                session.state(Session.State.CONNECTED);
                for (String subscribe : dialect.subscribe()) {
                    session.send(subscribe);
                }
                listener.connected(session);
            }
            case ERROR -> listener.error(session, "ERROR " + frame.header("message") + " " + excerpt(frame.body()));
            case OTHER -> listener.error(session, "unexpected frame " + excerpt(frame.body()));
        }
    }

    private void message(StompFrame frame) {
        int subscription = frame.headerFirstByte("subscription");
        if (subscription == Dialect.TOPIC) {
            ready();
            stamps(frame);
        } else if (subscription == dialect.pongSubscription()) {
            long token = number(frame.buffer(), frame.bodyFrom(), frame.bodyTo(), dialect.pongTokenKey().getBytes());
            if (token >= 0) {
                listener.pong(session, token);
            }
        }
    }

    private void ready() {
        if (session.state() == Session.State.CONNECTED) {
            session.readyNanos = System.nanoTime();
            session.state(Session.State.READY);
            listener.ready(session);
        }
    }

    /** Every stamp in the body: one for DATA, several if a server batched them into one body. */
    private void stamps(StompFrame frame) {
        ByteBuf buf = frame.buffer();
        int at = frame.bodyFrom();
        int end = frame.bodyTo();
        while ((at = indexOf(buf, at, end, SEQ)) >= 0) {
            at += SEQ.length;
            long seq = digits(buf, at, end);
            int nanosAt = indexOf(buf, at, Math.min(end, at + 24 + NANOS.length), NANOS);
            if (seq < 0 || nanosAt < 0) {
                return;
            }
            listener.message(session, seq, digits(buf, nanosAt + NANOS.length, end), frame.bodyLength());
            at = nanosAt + NANOS.length;
        }
    }

    static long number(ByteBuf buf, int from, int to, byte[] key) {
        int at = indexOf(buf, from, to, key);
        return at < 0 ? -1 : digits(buf, at + key.length, to);
    }

    static long digits(ByteBuf buf, int from, int to) {
        long value = 0;
        int at = from;
        for (; at < to; at++) {
            byte b = buf.getByte(at);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return at == from ? -1 : value;
    }

    static int indexOf(ByteBuf buf, int from, int to, byte[] needle) {
        int last = to - needle.length;
        for (int at = buf.indexOf(from, to, needle[0]); at >= 0 && at <= last; at = buf.indexOf(at + 1, to, needle[0])) {
            int i = 1;
            while (i < needle.length && buf.getByte(at + i) == needle[i]) {
                i++;
            }
            if (i == needle.length) {
                return at;
            }
        }
        return -1;
    }

    private static String excerpt(String text) {
        String flat = text.replace('\n', ' ').replace("\0", "");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
