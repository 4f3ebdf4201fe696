package lab.yujian.core.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * Presence in this process's memory. Each user's entry has its own lock.
 *
 * <p>Use it for a single node only: other nodes' sessions are invisible to it.
 */
public final class InMemoryPresenceStore implements PresenceStore {

    private final Duration leaseTtl;
    private final Clock clock;
    private final Map<String, UserEntry> users = new ConcurrentHashMap<>();

    /**
     * @param leaseTtl how long a session counts as present without a renewal
     */
    public InMemoryPresenceStore(Duration leaseTtl, Clock clock) {
        if (leaseTtl == null || leaseTtl.isNegative() || leaseTtl.isZero()) {
            throw new IllegalArgumentException("leaseTtl must be positive, was " + leaseTtl);
        }
        this.leaseTtl = leaseTtl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<PresenceEvent> join(Identity identity, String clientId) {
        return join(identity, clientId, leaseTtl);
    }

    @Override
    public Optional<PresenceEvent> join(Identity identity, String clientId, Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        Instant now = clock.instant();
        return change(identity.userId(), () -> new UserEntry(identity), entry -> {
            entry.name = identity.name();
            entry.role = identity.role();
            entry.sessions.put(clientId, new Lease(PresenceStatus.ONLINE, lease, now.plus(lease)));
            entry.lastSeen = now;
        });
    }

    @Override
    public Optional<PresenceEvent> update(String userId, String clientId, PresenceStatus status,
                                          @Nullable String location, @Nullable String activity) {
        Instant now = clock.instant();
        return change(userId, null, entry -> {
            Lease lease = entry.sessions.get(clientId);
            if (lease != null) {
                entry.sessions.put(clientId, new Lease(status, lease.length, now.plus(lease.length)));
                entry.location = location == null ? entry.location : emptyToNull(location);
                entry.activity = activity == null ? entry.activity : emptyToNull(activity);
                entry.lastSeen = now;
            }
        });
    }

    @Override
    public Optional<PresenceEvent> leave(String userId, String clientId) {
        Instant now = clock.instant();
        return change(userId, null, entry -> {
            if (entry.sessions.remove(clientId) != null) {
                entry.lastSeen = now;
            }
        });
    }

    @Override
    public boolean renew(String userId, String clientId) {
        UserEntry entry = users.get(userId);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            Lease lease = entry.sessions.get(clientId);
            if (lease == null) {
                return false;
            }
            entry.sessions.put(clientId, new Lease(lease.status, lease.length, clock.instant().plus(lease.length)));
            return true;
        }
    }

    @Override
    public List<PresenceEvent> expire() {
        Instant now = clock.instant();
        List<PresenceEvent> events = new ArrayList<>();
        for (String userId : users.keySet()) {
            change(userId, null, entry -> {
                if (entry.sessions.values().removeIf(lease -> !lease.expiresAt.isAfter(now))) {
                    entry.lastSeen = now;
                }
            }).ifPresent(events::add);
        }
        return events;
    }

    @Override
    public List<UserPresence> list() {
        List<UserPresence> all = new ArrayList<>(users.size());
        for (UserEntry entry : users.values()) {
            synchronized (entry) {
                if (!entry.sessions.isEmpty()) {
                    all.add(entry.view());
                }
            }
        }
        return all;
    }

    @Override
    public Optional<UserPresence> get(String userId) {
        UserEntry entry = users.get(userId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.sessions.isEmpty() ? Optional.empty() : Optional.of(entry.view());
        }
    }

    /**
     * Applies a change to one user's entry under its lock and reports the event it caused. The entry is
     * removed once its last session is gone.
     */
    private Optional<PresenceEvent> change(String userId, @Nullable Supplier<UserEntry> create,
                                           Consumer<UserEntry> mutation) {
        PresenceEvent[] event = new PresenceEvent[1];
        users.compute(userId, (id, existing) -> {
            UserEntry entry = existing != null ? existing : create == null ? null : create.get();
            if (entry == null) {
                return null;
            }
            synchronized (entry) {
                UserPresence before = entry.sessions.isEmpty() ? null : entry.view();
                mutation.accept(entry);
                UserPresence after = entry.view();
                event[0] = eventBetween(before, after);
                return entry.sessions.isEmpty() ? null : entry;
            }
        });
        return Optional.ofNullable(event[0]);
    }

    private static @Nullable PresenceEvent eventBetween(@Nullable UserPresence before, UserPresence after) {
        if (before == null) {
            return after.sessions() == 0 ? null : new PresenceEvent(PresenceEvent.Type.JOIN, after);
        }
        if (after.sessions() == 0) {
            return new PresenceEvent(PresenceEvent.Type.LEAVE, after);
        }
        return after.sameAs(before) ? null : new PresenceEvent(PresenceEvent.Type.UPDATE, after);
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private record Lease(PresenceStatus status, Duration length, Instant expiresAt) {
    }

    private static final class UserEntry {
        final String userId;
        final Map<String, Lease> sessions = new HashMap<>();
        String name;
        String role;
        @Nullable String location;
        @Nullable String activity;
        Instant lastSeen = Instant.EPOCH;

        UserEntry(Identity identity) {
            this.userId = identity.userId();
            this.name = identity.name();
            this.role = identity.role();
        }

        UserPresence view() {
            return new UserPresence(userId, aggregate(), location, activity, lastSeen, name, role, sessions.size());
        }

        private PresenceStatus aggregate() {
            if (sessions.isEmpty()) {
                return PresenceStatus.OFFLINE;
            }
            for (Lease lease : sessions.values()) {
                if (lease.status == PresenceStatus.ONLINE) {
                    return PresenceStatus.ONLINE;
                }
            }
            return PresenceStatus.AWAY;
        }
    }
}
