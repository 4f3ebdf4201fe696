package lab.yujian.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of one node, in memory. Per-key atomic updates of concurrent maps; no lock spans more than
 * one session or one user.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Integer> subscribers = new ConcurrentHashMap<>();

    @Override
    public void add(Session session, Instant now) {
        Entry entry = new Entry(session, now);
        if (sessions.putIfAbsent(session.clientId(), entry) != null) {
            throw new IllegalStateException("Session '" + session.clientId() + "' is already registered");
        }
        byUser.compute(session.userId(), (user, ids) -> {
            Set<String> set = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            set.add(session.clientId());
            return set;
        });
    }

    @Override
    public Optional<SessionState> remove(String clientId) {
        Entry entry = sessions.remove(clientId);
        if (entry == null) {
            return Optional.empty();
        }
        byUser.computeIfPresent(entry.session.userId(), (user, ids) -> {
            ids.remove(clientId);
            return ids.isEmpty() ? null : ids;
        });
        SessionState last = entry.state();
        for (String channel : last.channels()) {
            if (entry.channels.remove(channel)) {
                decrement(channel);
            }
        }
        return Optional.of(last);
    }

    @Override
    public Optional<Session> get(String clientId) {
        Entry entry = sessions.get(clientId);
        return entry == null ? Optional.empty() : Optional.of(entry.session);
    }

    @Override
    public Optional<SessionState> state(String clientId) {
        Entry entry = sessions.get(clientId);
        return entry == null ? Optional.empty() : Optional.of(entry.state());
    }

    @Override
    public Set<String> clientIdsOf(String userId) {
        Set<String> ids = byUser.get(userId);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    @Override
    public boolean subscribe(String clientId, String channel) {
        Entry entry = sessions.get(clientId);
        if (entry == null || !entry.channels.add(channel)) {
            return false;
        }
        subscribers.merge(channel, 1, Integer::sum);
        if (!sessions.containsKey(clientId) && entry.channels.remove(channel)) {
            decrement(channel); // removed concurrently: undo, so counts never leak
            return false;
        }
        return true;
    }

    @Override
    public boolean unsubscribe(String clientId, String channel) {
        Entry entry = sessions.get(clientId);
        if (entry == null || !entry.channels.remove(channel)) {
            return false;
        }
        decrement(channel);
        return true;
    }

    @Override
    public int subscriptionCount(String clientId) {
        Entry entry = sessions.get(clientId);
        return entry == null ? 0 : entry.channels.size();
    }

    @Override
    public boolean isSubscribed(String clientId, String channel) {
        Entry entry = sessions.get(clientId);
        return entry != null && entry.channels.contains(channel);
    }

    @Override
    public void touch(String clientId, Instant now) {
        Entry entry = sessions.get(clientId);
        if (entry != null) {
            entry.lastSeen = now;
        }
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public int userCount() {
        return byUser.size();
    }

    @Override
    public int subscriberCount(String channel) {
        return subscribers.getOrDefault(channel, 0);
    }

    @Override
    public Map<String, Integer> subscriberCounts() {
        return new HashMap<>(subscribers);
    }

    @Override
    public List<SessionState> list() {
        List<SessionState> states = new ArrayList<>(sessions.size());
        for (Entry entry : sessions.values()) {
            states.add(entry.state());
        }
        return states;
    }

    @Override
    public List<Session> idleSince(Instant cutoff) {
        List<Session> idle = new ArrayList<>();
        for (Entry entry : sessions.values()) {
            if (entry.lastSeen.isBefore(cutoff)) {
                idle.add(entry.session);
            }
        }
        return idle;
    }

    private void decrement(String channel) {
        subscribers.computeIfPresent(channel, (name, count) -> count <= 1 ? null : count - 1);
    }

    private static final class Entry {
        final Session session;
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        volatile Instant lastSeen;

        Entry(Session session, Instant now) {
            this.session = session;
            this.lastSeen = now;
        }

        SessionState state() {
            return new SessionState(session, channels, lastSeen);
        }
    }
}
