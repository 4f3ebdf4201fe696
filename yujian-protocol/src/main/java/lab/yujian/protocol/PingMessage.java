package lab.yujian.protocol;

/**
 * {@code PING}: an application-level round-trip probe, answered with {@link PongMessage}.
 *
 * @param timestamp the client's clock in epoch milliseconds, echoed back as {@code clientTimestamp}
 */
public record PingMessage(Long timestamp) implements ClientMessage {
    public PingMessage {
        Fields.require(timestamp, "timestamp");
    }
}
