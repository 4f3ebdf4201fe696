package lab.yujian.core.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A live connection as an admin sees it, on whichever node holds it.
 *
 * @param clientId    the connection's id
 * @param userId      whose
 * @param name        their display name
 * @param role        their role
 * @param node        the node that holds it
 * @param channels    the channels it joined
 * @param connectedAt since when
 * @param lastSeen    when a frame last arrived from it
 */
public record Connection(String clientId, String userId, String name, String role, String node, Set<String> channels,
                         Instant connectedAt, Instant lastSeen) {

    public Connection {
        Objects.requireNonNull(clientId, "clientId");
        channels = Set.copyOf(channels);
    }

    /** The connection of a session's state, as this node's registry holds it. */
    public static Connection of(SessionState state) {
        Session session = state.session();
        return new Connection(session.clientId(), session.userId(), session.identity().name(),
                session.identity().role(), session.nodeId(), state.channels(), session.connectedAt(), state.lastSeen());
    }
}
