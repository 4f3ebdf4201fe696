package lab.yujian.core.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.PresenceStatus;

/**
 * Presence in Redis, shared by every node. Each change is one Lua script ({@code presence.lua}), atomic
 * per user across nodes, which returns the user's view before and after so that the event is computed
 * here exactly as the in-memory store computes it.
 *
 * <p>A connection's session is held by its node: it lasts while the node's lease (a score in a sorted
 * set, renewed by {@link #heartbeat}) is alive. When a node dies its lease lapses, and the next
 * {@link #expire} of any surviving node claims the lease and removes the node's sessions in the same
 * script: exactly one node reports each LEAVE. Device check-ins have leases of their own, claimed the
 * same way. Time comes from the injected clock, not from Redis, so tests can move it.
 */
public final class RedisPresenceStore implements PresenceStore {

    private static final RedisScript SCRIPT = RedisScript.load("presence");
    private static final byte[][] NO_KEYS = new byte[0][];

    private final RedisConnector redis;
    private final Clock clock;
    private final byte[] prefix;

    public RedisPresenceStore(RedisConnector redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prefix = RedisScript.arg(redis.prefix());
    }

    @Override
    public Optional<PresenceEvent> join(Identity identity, String clientId, String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        return change("join", identity.userId(), clientId, nodeId, identity.name(), identity.role());
    }

    @Override
    public Optional<PresenceEvent> checkIn(Identity identity, String clientId, Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        return change("checkin", identity.userId(), clientId, Long.toString(clock.millis() + lease.toMillis()),
                identity.name(), identity.role());
    }

    @Override
    public Optional<PresenceEvent> update(String userId, String clientId, PresenceStatus status,
                                          @Nullable String location, @Nullable String activity) {
        return change("update", userId, clientId, status == PresenceStatus.AWAY ? "A" : "O", change(location),
                change(activity));
    }

    private static String change(@Nullable String text) {
        return text == null ? "k" : text.isEmpty() ? "c" : "s" + text;
    }

    @Override
    public Optional<PresenceEvent> leave(String userId, String clientId) {
        return change("leave", userId, clientId);
    }

    @Override
    public boolean heartbeat(String nodeId, Duration lease) {
        Long alive = SCRIPT.run(redis.sync(), ScriptOutputType.INTEGER, NO_KEYS, args("heartbeat", nodeId,
                Long.toString(lease.toMillis())));
        return alive == 1;
    }

    @Override
    public Set<String> nodes() {
        List<byte[]> nodes = redis.sync().zrangebyscore(redis.key("p", "nodes"),
                io.lettuce.core.Range.create((double) clock.millis() + 1, Double.POSITIVE_INFINITY));
        Set<String> names = new HashSet<>();
        nodes.forEach(node -> names.add(new String(node, StandardCharsets.UTF_8)));
        return Set.copyOf(names);
    }

    @Override
    public List<PresenceEvent> expire() {
        List<Object> records = SCRIPT.run(redis.sync(), ScriptOutputType.MULTI, NO_KEYS, args("expire"));
        List<PresenceEvent> events = new ArrayList<>();
        for (int i = 0; i + 9 < records.size(); i += 10) {
            event(records, i).ifPresent(events::add);
        }
        return events;
    }

    @Override
    public List<UserPresence> list() {
        return read("");
    }

    @Override
    public Optional<UserPresence> get(String userId) {
        return read(userId).stream().findFirst();
    }

    private List<UserPresence> read(String userId) {
        List<Object> rows = SCRIPT.run(redis.sync(), ScriptOutputType.MULTI, NO_KEYS, args("list", userId));
        List<UserPresence> users = new ArrayList<>(rows.size() / 7);
        for (int i = 0; i + 6 < rows.size(); i += 7) {
            users.add(view(text(rows, i), text(rows, i + 1), text(rows, i + 2), text(rows, i + 3), text(rows, i + 4),
                    text(rows, i + 5), Long.parseLong(text(rows, i + 6))));
        }
        return users;
    }

    private Optional<PresenceEvent> change(String op, String... arguments) {
        List<Object> records = SCRIPT.run(redis.sync(), ScriptOutputType.MULTI, NO_KEYS, args(op, arguments));
        return records.size() < 10 ? Optional.empty() : event(records, 0);
    }

    private Optional<PresenceEvent> event(List<Object> records, int at) {
        String user = text(records, at);
        String name = text(records, at + 7);
        String role = text(records, at + 8);
        long seen = Long.parseLong(text(records, at + 9));
        String before = text(records, at + 1);
        UserPresence previous = before.isEmpty() ? null
                : view(user, before, text(records, at + 2), text(records, at + 3), name, role, seen);
        UserPresence now = view(user, text(records, at + 4), text(records, at + 5), text(records, at + 6), name, role,
                seen);
        return PresenceEvent.between(previous, now);
    }

    private static UserPresence view(String user, String statuses, String location, String activity, String name,
                                     String role, long seen) {
        List<PresenceStatus> sessions = new ArrayList<>(statuses.length());
        for (int i = 0; i < statuses.length(); i++) {
            sessions.add(statuses.charAt(i) == 'A' ? PresenceStatus.AWAY : PresenceStatus.ONLINE);
        }
        return new UserPresence(user, UserPresence.aggregate(sessions), emptyToNull(location), emptyToNull(activity),
                Instant.ofEpochMilli(seen), name, role, sessions.size());
    }

    private byte[][] args(String op, String... rest) {
        byte[][] args = new byte[3 + rest.length][];
        args[0] = prefix;
        args[1] = RedisScript.arg(op);
        args[2] = RedisScript.arg(clock.millis());
        for (int i = 0; i < rest.length; i++) {
            args[3 + i] = RedisScript.arg(rest[i]);
        }
        return args;
    }

    private static String text(List<Object> values, int at) {
        return new String((byte[]) values.get(at), StandardCharsets.UTF_8);
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
