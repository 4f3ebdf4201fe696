package lab.yujian.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The channel kinds a hub knows: the seed's five and any a service declares. It parses channel names:
 * a name is a channel if it is the name of a kind without ids, or {@code <kind>.<id>} for a kind with
 * ids and a valid id; anything else is {@link ErrorCode#CHANNEL_NOT_FOUND}. Immutable and thread-safe;
 * parsing is a map lookup.
 */
public final class ChannelKinds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ChannelKinds BUILT_IN = new ChannelKinds(ChannelKind.builtIns());

    private final List<ChannelKind> kinds;
    private final Map<String, Channel> fixed = new HashMap<>();
    private final Map<String, ChannelKind> withIds = new HashMap<>();

    private ChannelKinds(Collection<ChannelKind> kinds) {
        this.kinds = List.copyOf(kinds);
        for (ChannelKind kind : this.kinds) {
            if (kind.withIds()) {
                withIds.put(kind.name(), kind);
            } else {
                fixed.put(kind.name(), kind == ChannelKind.PRESENCE ? Channel.PRESENCE
                        : kind == ChannelKind.METRICS ? Channel.METRICS
                        : kind == ChannelKind.ACTIVITY ? Channel.ACTIVITY
                        : kind == ChannelKind.ANNOUNCEMENTS ? Channel.ANNOUNCEMENTS
                        : new Channel(kind.name(), kind, null));
            }
        }
    }

    /** The seed's five kinds only. */
    public static ChannelKinds builtIns() {
        return BUILT_IN;
    }

    /**
     * The built-in kinds and {@code declared}.
     *
     * @throws IllegalArgumentException if two declared kinds share a name
     */
    public static ChannelKinds with(Collection<ChannelKind> declared) {
        Objects.requireNonNull(declared, "declared");
        if (declared.isEmpty()) {
            return BUILT_IN;
        }
        List<ChannelKind> all = new ArrayList<>(ChannelKind.builtIns());
        for (ChannelKind kind : declared) {
            Objects.requireNonNull(kind, "a declared kind");
            if (all.contains(kind)) {
                throw new IllegalArgumentException("Channel kind '" + kind.name() + "' is declared twice"
                        + (kind.builtIn() ? " (it is built in)" : ""));
            }
            all.add(kind);
        }
        return new ChannelKinds(all);
    }

    /** Every kind, the built-in ones first. */
    public List<ChannelKind> all() {
        return kinds;
    }

    /** Whether the id is valid for a kind with ids: 1 to 64 letters, digits, {@code _} or {@code -}. */
    public static boolean validId(@Nullable String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Parses a channel name.
     *
     * @throws ProtocolException {@link ErrorCode#MISSING_FIELD} for null, {@link ErrorCode#CHANNEL_NOT_FOUND}
     *                           for any name that is not a channel of these kinds
     */
    public Channel parse(@Nullable String name) {
        if (name == null) {
            throw ProtocolException.missing("channel");
        }
        Channel channel = fixed.get(name);
        if (channel != null) {
            return channel;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            ChannelKind kind = withIds.get(name.substring(0, dot));
            String id = name.substring(dot + 1);
            if (kind != null && validId(id)) {
                return new Channel(name, kind, id);
            }
        }
        throw new ProtocolException(ErrorCode.CHANNEL_NOT_FOUND, "Unknown channel '" + Channel.abbreviate(name) + "'");
    }

    /** The kind of this name, or null if there is none. */
    public @Nullable ChannelKind kind(String name) {
        Channel channel = fixed.get(name);
        return channel != null ? channel.kind() : withIds.get(name);
    }

    /**
     * Checks that a pattern can match channels of these kinds, so that a typo in configuration fails at
     * startup.
     *
     * @throws IllegalArgumentException naming the pattern and the known kinds, if it matches none
     */
    public void check(ChannelPattern pattern, String field) {
        boolean known = pattern.all()
                || (pattern.kindName() != null ? withIds.containsKey(pattern.kindName()) : knows(pattern.toString()));
        if (!known) {
            List<String> names = new ArrayList<>();
            for (ChannelKind kind : kinds) {
                names.add(kind.withIds() ? kind.name() + ".<id>" : kind.name());
            }
            throw new IllegalArgumentException(field + ": '" + pattern + "' matches no channel; the channels are "
                    + String.join(", ", names));
        }
    }

    private boolean knows(String name) {
        try {
            parse(name);
            return true;
        } catch (ProtocolException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ChannelKinds" + kinds;
    }
}
