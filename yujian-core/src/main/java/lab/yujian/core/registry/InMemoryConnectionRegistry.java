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
 * one session, one user or one channel. A channel's subscriber set is dropped when its last subscriber
 * leaves, so channels nobody uses cost nothing.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byChannel = new ConcurrentHashMap<>();

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
                leave(channel, clientId);
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
        byChannel.compute(channel, (name, ids) -> {
            Set<String> set = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            set.add(clientId);
            return set;
        });
        if (!sessions.containsKey(clientId) && entry.channels.remove(channel)) {
            leave(channel, clientId); // removed concurrently: undo, so no set keeps a session that is gone
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
        leave(channel, clientId);
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
        Set<String> ids = byChannel.get(channel);
        return ids == null ? 0 : ids.size();
    }

    @Override
    public Iterable<String> subscribers(String channel) {
        Set<String> ids = byChannel.get(channel);
        return ids == null ? Set.of() : ids;
    }

    @Override
    public Map<String, Integer> subscriberCounts() {
        Map<String, Integer> counts = new HashMap<>();
        byChannel.forEach((channel, ids) -> {
            if (!ids.isEmpty()) {
                counts.put(channel, ids.size());
            }
        });
        return counts;
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

    private void leave(String channel, String clientId) {
        byChannel.computeIfPresent(channel, (name, ids) -> {
            ids.remove(clientId);
            return ids.isEmpty() ? null : ids;
        });
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
