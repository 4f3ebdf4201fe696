package lab.yujian.protocol;

/**
 * Who published a {@link DataMessage}. Server-originated broadcasts use user id {@value #SYSTEM_USER}.
 *
 * @param userId   the publishing user's id
 * @param clientId the publishing connection's id, or the node's id for server-originated broadcasts
 */
public record Sender(String userId, String clientId) {

    /** The user id of broadcasts that the server itself originates. */
    public static final String SYSTEM_USER = "system";

    public Sender {
        Fields.require(userId, "userId");
        Fields.require(clientId, "clientId");
    }
}
