package lab.yujian.protocol;

/**
 * WebSocket close codes, after the seed's appendix B, with two additions: {@link #SERVICE_RESTART} (1012,
 * RFC 6455 registry) for a node that restarts, and {@link #SLOW_CONSUMER} (4500) for a client that
 * cannot keep up.
 *
 * <p>{@link #reconnect()} says whether a client should reconnect on its own. It deliberately departs from
 * the seed's client in two places, both of which the seed's client does not retry:
 * <ul>
 *   <li>{@link #GOING_AWAY} (1001, a server shutting down) <em>is</em> retried, because otherwise every
 *       client would stay disconnected after a deploy;</li>
 *   <li>{@link #SERVER_ERROR} (1011) <em>is</em> retried, with backoff, because it reports a transient
 *       failure of the server, not a fault of the client: the same client may well succeed next time.</li>
 * </ul>
 */
public enum CloseCode {
    /** Regular close, asked for by either side; do not reconnect. */
    NORMAL(1000, false),
    /** The server is shutting down; reconnect, possibly to another node. */
    GOING_AWAY(1001, true),
    /** The peer broke the protocol; reconnecting would repeat it. */
    PROTOCOL_ERROR(1002, false),
    /** The peer sent a data type the endpoint cannot take. */
    UNSUPPORTED_DATA(1003, false),
    /** The connection dropped without a close frame (never sent, only observed); reconnect. */
    ABNORMAL(1006, true),
    /** Authentication failed or the session kept abusing limits; reconnect only with new credentials. */
    POLICY_VIOLATION(1008, false),
    /** A frame exceeded the size limit. */
    MESSAGE_TOO_BIG(1009, false),
    /** An unexpected server failure; reconnect with backoff. */
    SERVER_ERROR(1011, true),
    /** The node is restarting; reconnect with backoff. */
    SERVICE_RESTART(1012, true),
    /** TLS handshake failure (never sent, only observed). */
    TLS_HANDSHAKE(1015, false),
    /**
     * The client read too slowly: its send buffer or send time limit was exceeded (Spring's "session not
     * reliable", in the private range). Reconnect and sync; nothing is lost.
     */
    SLOW_CONSUMER(4500, true);

    private final int code;
    private final boolean reconnect;

    CloseCode(int code, boolean reconnect) {
        this.code = code;
        this.reconnect = reconnect;
    }

    /** The numeric WebSocket close code. */
    public int code() {
        return code;
    }

    /** Whether a client should reconnect by itself after this close. */
    public boolean reconnect() {
        return reconnect;
    }

    /**
     * The constant for a numeric code.
     *
     * @throws IllegalArgumentException if the code is not one of these constants
     */
    public static CloseCode of(int code) {
        for (CloseCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown close code " + code);
    }
}
