package lab.yujian.protocol;

/**
 * One channel a SUBSCRIBE could not join.
 *
 * @param channel the channel name as the client sent it
 * @param reason  why: {@link ErrorCode#ACCESS_DENIED}, {@link ErrorCode#CHANNEL_NOT_FOUND} or
 *                {@link ErrorCode#ALREADY_SUBSCRIBED}
 */
public record SubscriptionFailure(String channel, ErrorCode reason) {
    public SubscriptionFailure {
        Fields.require(channel, "channel");
        Fields.require(reason, "reason");
    }
}
