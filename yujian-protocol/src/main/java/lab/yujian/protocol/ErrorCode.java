package lab.yujian.protocol;

/**
 * The seed's error codes, carried by {@code ERROR} messages and STOMP {@code ERROR} frames.
 *
 * <p>{@link #temporary()} tells a client whether the same request may succeed later without change
 * (after waiting, or on another node). A permanent error needs a different request or new credentials.
 */
public enum ErrorCode {
    /** The server refused the connection, for example while shutting down or when full. */
    CONNECTION_REFUSED(true),
    /** The token is missing, malformed, expired, unsigned or signed with the wrong key or algorithm. */
    AUTHENTICATION_FAILED(false),
    /** Too many messages in the rate-limit window; retry after the window refills. */
    RATE_LIMITED(true),
    /** The body is not valid JSON, or a field has the wrong shape or value. */
    INVALID_MESSAGE(false),
    /** The {@code type} field names no known message type, or the wrong one for the destination. */
    INVALID_TYPE(false),
    /** A required field is absent; the message names it. */
    MISSING_FIELD(false),
    /** The channel name is not one of the known channels. */
    CHANNEL_NOT_FOUND(false),
    /** The user's role may not subscribe to the channel. */
    ACCESS_DENIED(false),
    /** The user's role may not publish to the channel, or the destination takes no client sends. */
    PUBLISH_DENIED(false),
    /** The session already subscribes to the channel. */
    ALREADY_SUBSCRIBED(false),
    /** An unexpected failure on the server; the request may be retried. */
    SERVER_ERROR(true),
    /** A store or broker the server needs is unavailable right now. */
    SERVICE_UNAVAILABLE(true),
    /** The server did not answer in time. */
    TIMEOUT(true);

    private final boolean temporary;

    ErrorCode(boolean temporary) {
        this.temporary = temporary;
    }

    /** Whether the same request may succeed if it is retried later. */
    public boolean temporary() {
        return temporary;
    }
}
