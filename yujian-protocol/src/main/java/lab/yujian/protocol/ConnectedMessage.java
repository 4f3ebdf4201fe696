package lab.yujian.protocol;

/**
 * {@code CONNECTED}: the seed's connection acknowledgement. On STOMP it is the CONNECTED frame itself,
 * whose {@code client-id} header carries {@code clientId}; a client builds this record from the frame.
 *
 * @param clientId   the server-assigned id of this connection, unique across the cluster
 * @param timestamp  server clock in epoch milliseconds
 * @param serverTime the same instant in ISO-8601
 */
public record ConnectedMessage(String clientId, long timestamp, String serverTime) implements ServerMessage {
    public ConnectedMessage {
        Fields.requireText(clientId, "clientId");
        Fields.require(serverTime, "serverTime");
    }
}
