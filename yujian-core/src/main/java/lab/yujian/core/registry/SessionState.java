package lab.yujian.core.registry;

import java.time.Instant;
import java.util.Set;

/**
 * A copy of one session's state at the moment it was read; it does not follow later changes.
 *
 * @param session  the session
 * @param channels the channels it has joined
 * @param lastSeen when a frame last arrived from it
 */
public record SessionState(Session session, Set<String> channels, Instant lastSeen) {
    public SessionState {
        channels = Set.copyOf(channels);
    }
}
