package lab.yujian.protocol;

import java.util.Objects;

/**
 * A validated channel name. The seed's channels are {@code presence}, {@code metrics}, {@code activity},
 * {@code announcements} and {@code collaboration.<documentId>}; a service may declare kinds of its own
 * (see {@link ChannelKind} and {@link ChannelKinds}). An id is 1 to 64 letters, digits, {@code _} or
 * {@code -}. {@link #parse} knows the built-in kinds only and refuses anything else with a
 * {@link ProtocolException}; a hub parses with its own {@link ChannelKinds}. The constructor, for code
 * that builds a channel itself, refuses a name that does not match its kind and id with an
 * {@link IllegalArgumentException}.
 *
 * @param name the full channel name, as it appears on the wire and in {@code /topic/<name>}
 * @param kind the channel's kind
 * @param id   the id of a channel of a kind with ids (for collaboration, the document id), null otherwise
 */
public record Channel(String name, ChannelKind kind, @Nullable String id) {

    /** The fixed {@code presence} channel. */
    public static final Channel PRESENCE = new Channel("presence", ChannelKind.PRESENCE, null);
    /** The fixed {@code metrics} channel. */
    public static final Channel METRICS = new Channel("metrics", ChannelKind.METRICS, null);
    /** The fixed {@code activity} channel. */
    public static final Channel ACTIVITY = new Channel("activity", ChannelKind.ACTIVITY, null);
    /** The fixed {@code announcements} channel. */
    public static final Channel ANNOUNCEMENTS = new Channel("announcements", ChannelKind.ANNOUNCEMENTS, null);

    /**
     * @throws IllegalArgumentException if {@code name} is not the name of a channel of {@code kind}: the
     *                                  kind's name for a kind without ids (and no id), or
     *                                  {@code <kind>.<id>} for a valid id
     */
    public Channel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        String expected = nameOf(kind, id);
        if (!name.equals(expected)) {
            throw new IllegalArgumentException("Channel name '" + abbreviate(name) + "' does not match kind "
                    + kind + (id == null ? "" : " and id '" + id + "'") + "; expected '" + expected + "'");
        }
    }

    /**
     * Parses the name of a channel of a built-in kind.
     *
     * @throws ProtocolException with {@link ErrorCode#CHANNEL_NOT_FOUND} for any name that is not a channel
     */
    public static Channel parse(@Nullable String name) {
        return ChannelKinds.builtIns().parse(name);
    }

    /**
     * The collaboration channel of one document.
     *
     * @throws ProtocolException with {@link ErrorCode#CHANNEL_NOT_FOUND} if the document id is not valid
     */
    public static Channel collaboration(String documentId) {
        return parse(ChannelKind.COLLABORATION.name() + "." + documentId);
    }

    /**
     * The channel of a kind with ids.
     *
     * @throws IllegalArgumentException if the kind has no ids or the id is not valid
     */
    public static Channel of(ChannelKind kind, String id) {
        return new Channel(kind.name() + "." + id, kind, id);
    }

    /** The id of a collaboration channel: the same as {@link #id()}. */
    public @Nullable String documentId() {
        return id;
    }

    /** The name of the channel of this kind and id, which must be null unless the kind has ids. */
    private static String nameOf(ChannelKind kind, @Nullable String id) {
        if (!kind.withIds()) {
            if (id != null) {
                throw new IllegalArgumentException("Only channels of a kind with ids have an id; kind "
                        + kind + " was given '" + abbreviate(id) + "'");
            }
            return kind.name();
        }
        if (!ChannelKinds.validId(id)) {
            throw new IllegalArgumentException("A " + kind.name() + " channel needs an id of 1 to 64 letters, "
                    + "digits, '_' or '-', was " + (id == null ? "null" : "'" + abbreviate(id) + "'"));
        }
        return kind.name() + "." + id;
    }

    static String abbreviate(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "…";
    }

    @Override
    public String toString() {
        return name;
    }
}
