package lab.yujian.protocol;

/**
 * The seed's error codes, carried by {@code ERROR} messages and STOMP {@code ERROR} frames.
 *
 * <p>{@link #temporary()} tells a client whether the same request may succeed later without change
 * (after waiting, or on another node). A permanent error needs a different request or new credentials.
 *
 * <p>{@link #causedByClient()} tells a server whose fault a refusal is: the client's own (a bad,
 * unauthorized or too frequent request) or the server's (a failure, an outage, a timeout).
 */
public enum ErrorCode {
    /** The server refused the connection, for example while shutting down or when full. */
    CONNECTION_REFUSED(true, false),
    /** The token is missing, malformed, expired, unsigned or signed with the wrong key or algorithm. */
    AUTHENTICATION_FAILED(false, true),
    /** Too many messages in the rate-limit window; retry after the window refills. */
    RATE_LIMITED(true, true),
    /** The body is not valid JSON, or a field has the wrong shape or value. */
    INVALID_MESSAGE(false, true),
    /** The {@code type} field names no known message type, or the wrong one for the destination. */
    INVALID_TYPE(false, true),
    /** A required field is absent; the message names it. */
    MISSING_FIELD(false, true),
    /** The channel name is not one of the known channels. */
    CHANNEL_NOT_FOUND(false, true),
    /** The user's role may not subscribe to the channel. */
    ACCESS_DENIED(false, true),
    /** The user's role may not publish to the channel, or the destination takes no client sends. */
    PUBLISH_DENIED(false, true),
    /** The session already subscribes to the channel. */
    ALREADY_SUBSCRIBED(false, true),
    /** The session holds as many subscriptions as one session may; unsubscribe from one first. */
    TOO_MANY_SUBSCRIPTIONS(false, true),
    /** An unexpected failure on the server; the request may be retried. */
    SERVER_ERROR(true, false),
    /** A store or broker the server needs is unavailable right now. */
    SERVICE_UNAVAILABLE(true, false),
    /** The server did not answer in time. */
    TIMEOUT(true, false);

    private final boolean temporary;
    private final boolean causedByClient;

    ErrorCode(boolean temporary, boolean causedByClient) {
        this.temporary = temporary;
        this.causedByClient = causedByClient;
    }

    /** Whether the same request may succeed if it is retried later. */
    public boolean temporary() {
        return temporary;
    }

    /**
     * Whether the client caused the refusal: it sent something malformed, unauthorized, redundant or too
     * often. False for failures on the server's side ({@link #SERVER_ERROR}, {@link #SERVICE_UNAVAILABLE},
     * {@link #TIMEOUT}, {@link #CONNECTION_REFUSED}), which say nothing about the client.
     *
     * <p>A server may hold only client-caused refusals against a session (for example, close it as abusive
     * after too many); counting its own failures would disconnect every active client during an outage.
     */
    public boolean causedByClient() {
        return causedByClient;
    }
}
