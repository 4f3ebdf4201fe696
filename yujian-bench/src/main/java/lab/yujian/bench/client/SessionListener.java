package lab.yujian.bench.client;

/** What a session reports; called on the session's event loop, so implementations must be cheap and thread-safe. */
public interface SessionListener {

    /** CONNECTED arrived; the SUBSCRIBE frames have been written. */
    void connected(Session session);

    /** The topic subscription is live: its RECEIPT, or the first message on it, arrived. */
    void ready(Session session);

    /** A stamped message arrived on the topic. */
    void message(Session session, long seq, long sentNanos, int bodyBytes);

    /** A pong arrived carrying {@code token}. */
    void pong(Session session, long token);

    /** The server sent ERROR, or a connect failed; {@code text} says what. */
    void error(Session session, String text);

    /** The connection ended; {@code closeCode} is the WebSocket close code seen, or -1 for none. */
    void closed(Session session, int closeCode);
}
