package lab.yujian.protocol;

import tools.jackson.databind.JsonNode;

/**
 * {@code NOTICE}: a message from the server to one user, on each of that user's sessions' reply queues
 * ({@code /user/queue/replies}). Notices are not stored: a session that is not connected when one is sent
 * never receives it.
 *
 * @param payload   what the sender sent, any JSON value
 * @param sequence  the user's notice sequence on the node that holds the session: it rises by one per
 *                  notice to that user and starts again at 1 once the user has no session there, so a
 *                  session that sees a sequence above its last + 1 missed a notice that the user's other
 *                  sessions got; the first notice a session sees may have any sequence
 * @param sender    who sent it (an admin, a device, or {@code system})
 * @param timestamp server clock when it was sent, in epoch milliseconds
 */
public record NoticeMessage(JsonNode payload, long sequence, Sender sender, long timestamp) implements ServerMessage {
    public NoticeMessage {
        Fields.require(payload, "payload");
        Fields.require(sender, "sender");
    }
}
