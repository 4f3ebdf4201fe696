package lab.yujian.core.registry;

import java.time.Instant;
import java.util.Objects;

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

    /** The connected user's id. */
    public String userId() {
        return identity.userId();
    }
}
