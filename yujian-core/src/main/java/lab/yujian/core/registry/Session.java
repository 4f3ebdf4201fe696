package lab.yujian.core.registry;

import java.time.Instant;
import java.util.Objects;
import lab.yujian.protocol.Nullable;

/**
 * One connection, as the hub knows it. Immutable; the registry keeps the parts that change.
 *
 * @param clientId    the connection's id, unique across the cluster
 * @param identity    who is connected
 * @param nodeId      the node that holds the connection
 * @param connectedAt when it connected
 */
public record Session(String clientId, Identity identity, String nodeId, Instant connectedAt) {
    public Session {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    /** The prefix of every client id; the node's id follows it, then {@code _} and a suffix of its own. */
    public static final String CLIENT_ID_PREFIX = "ws_";

    /** The id of the node a client id belongs to, or null if it is not a client id of this form. */
    public static @Nullable String nodeOf(String clientId) {
        int end = clientId == null ? -1 : clientId.lastIndexOf('_');
        if (end <= CLIENT_ID_PREFIX.length() || !clientId.startsWith(CLIENT_ID_PREFIX)) {
            return null;
        }
        return clientId.substring(CLIENT_ID_PREFIX.length(), end);
    }

    /** The connected user's id. */
    public String userId() {
        return identity.userId();
    }
}
