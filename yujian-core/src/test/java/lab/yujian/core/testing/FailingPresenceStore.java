package lab.yujian.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * A {@link PresenceStore} that fails every call while it is {@linkplain #down(boolean) down}, as a remote
 * store does when it goes away, and otherwise delegates. Thread-safe if the delegate is.
 */
public final class FailingPresenceStore implements PresenceStore {

    private final PresenceStore delegate;
    private volatile boolean down;

    public FailingPresenceStore(PresenceStore delegate) {
        this.delegate = delegate;
    }

    /** Takes the store down (every call throws {@link IllegalStateException}) or brings it back. */
    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public Optional<PresenceEvent> join(Identity identity, String clientId, String nodeId) {
        return available().join(identity, clientId, nodeId);
    }

    @Override
    public Optional<PresenceEvent> checkIn(Identity identity, String clientId, Duration lease) {
        return available().checkIn(identity, clientId, lease);
    }

    @Override
    public Optional<PresenceEvent> update(String userId, String clientId, PresenceStatus status,
                                          @Nullable String location, @Nullable String activity) {
        return available().update(userId, clientId, status, location, activity);
    }

    @Override
    public Optional<PresenceEvent> leave(String userId, String clientId) {
        return available().leave(userId, clientId);
    }

    @Override
    public boolean heartbeat(String nodeId, Duration lease) {
        return available().heartbeat(nodeId, lease);
    }

    @Override
    public Set<String> nodes() {
        return available().nodes();
    }

    @Override
    public List<PresenceEvent> expire() {
        return available().expire();
    }

    @Override
    public List<UserPresence> list() {
        return available().list();
    }

    @Override
    public Optional<UserPresence> get(String userId) {
        return available().get(userId);
    }

    private PresenceStore available() {
        if (down) {
            throw new IllegalStateException("presence store is down");
        }
        return delegate;
    }
}
