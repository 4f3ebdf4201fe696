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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * Presence in this process's memory. Each user's entry has its own lock. {@link #expire} walks every user
 * present, which is cheap at one node's scale and runs only from maintenance.
 *
 * <p>Use it for a single node only: other nodes' sessions are invisible to it.
 */
public final class InMemoryPresenceStore implements PresenceStore {

    private final Clock clock;
    private final Map<String, UserEntry> users = new ConcurrentHashMap<>();
    private final Map<String, Instant> nodeLeases = new ConcurrentHashMap<>();

    public InMemoryPresenceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<PresenceEvent> join(Identity identity, String clientId, String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        return hold(identity, clientId, new Lease(PresenceStatus.ONLINE, nodeId, null));
    }

    @Override
    public Optional<PresenceEvent> checkIn(Identity identity, String clientId, Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        return hold(identity, clientId, new Lease(PresenceStatus.ONLINE, null, clock.instant().plus(lease)));
    }

    private Optional<PresenceEvent> hold(Identity identity, String clientId, Lease lease) {
        Instant now = clock.instant();
        return change(identity.userId(), () -> new UserEntry(identity), entry -> {
            entry.name = identity.name();
            entry.role = identity.role();
            Lease previous = entry.sessions.get(clientId);
            entry.sessions.put(clientId, previous == null ? lease : lease.withStatus(previous.status));
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
                entry.sessions.put(clientId, lease.withStatus(status));
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
    public boolean heartbeat(String nodeId, Duration lease) {
        Instant now = clock.instant();
        Instant before = nodeLeases.put(nodeId, now.plus(lease));
        return before != null && before.isAfter(now);
    }

    @Override
    public Set<String> nodes() {
        Instant now = clock.instant();
        return nodeLeases.entrySet().stream().filter(e -> e.getValue().isAfter(now)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<PresenceEvent> expire() {
        Instant now = clock.instant();
        nodeLeases.values().removeIf(expiry -> !expiry.isAfter(now));
        List<PresenceEvent> events = new ArrayList<>();
        for (String userId : users.keySet()) {
            change(userId, null, entry -> {
                if (entry.sessions.values().removeIf(lease -> lapsed(lease, now))) {
                    entry.lastSeen = now;
                }
            }).ifPresent(events::add);
        }
        return events;
    }

    private boolean lapsed(Lease lease, Instant now) {
        if (lease.expiresAt != null) {
            return !lease.expiresAt.isAfter(now);
        }
        return !nodeLeases.containsKey(lease.nodeId);
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
        Optional<PresenceEvent>[] event = new Optional[] {Optional.empty()};
        users.compute(userId, (id, existing) -> {
            UserEntry entry = existing != null ? existing : create == null ? null : create.get();
            if (entry == null) {
                return null;
            }
            synchronized (entry) {
                UserPresence before = entry.sessions.isEmpty() ? null : entry.view();
                mutation.accept(entry);
                event[0] = PresenceEvent.between(before, entry.view());
                return entry.sessions.isEmpty() ? null : entry;
            }
        });
        return event[0];
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** A session: its status, and either the node that holds it or when its own lease ends. */
    private record Lease(PresenceStatus status, @Nullable String nodeId, @Nullable Instant expiresAt) {
        Lease withStatus(PresenceStatus status) {
            return new Lease(status, nodeId, expiresAt);
        }
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
            List<PresenceStatus> statuses = sessions.values().stream().map(Lease::status).toList();
            return new UserPresence(userId, UserPresence.aggregate(statuses), location, activity, lastSeen, name, role,
                    sessions.size());
        }
    }
}
