package lab.yujian.protocol;

/**
 * {@code PONG}: the answer to {@link PingMessage}.
 *
 * @param timestamp       server clock in epoch milliseconds
 * @param clientTimestamp the {@code timestamp} of the PING, echoed
 */
public record PongMessage(long timestamp, long clientTimestamp) implements ServerMessage {
}
