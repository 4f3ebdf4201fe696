package lab.yujian.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated channel name. Only the seed's channels exist: {@code presence}, {@code metrics},
 * {@code activity}, {@code announcements} and {@code collaboration.<documentId>}, where a document id is 1
 * to 64 letters, digits, {@code _} or {@code -}. {@link #parse} refuses anything else with a
 * {@link ProtocolException}; the constructor, for code that builds a channel itself, refuses a name that
 * does not match its kind and document id with an {@link IllegalArgumentException}.
 *
 * @param name       the full channel name, as it appears on the wire and in {@code /topic/<name>}
 * @param kind       the channel's kind
 * @param documentId the document id of a collaboration channel, null for every other kind
 */
public record Channel(String name, ChannelKind kind, @Nullable String documentId) {

    // Before the constants below, which the constructor validates as they are created.
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
     *                                  kind's name for a fixed channel (with no document id), or
     *                                  {@code collaboration.<documentId>} for a valid document id
     */
    public Channel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        String expected = nameOf(kind, documentId);
        if (!name.equals(expected)) {
            throw new IllegalArgumentException("Channel name '" + abbreviate(name) + "' does not match kind "
                    + kind + (documentId == null ? "" : " and document id '" + documentId + "'")
                    + "; expected '" + expected + "'");
        }
    }

    /**
     * Parses a channel name.
     *
     * @throws ProtocolException with {@link ErrorCode#CHANNEL_NOT_FOUND} for any name that is not a channel
     */
    public static Channel parse(@Nullable String name) {
        if (name == null) {
            throw ProtocolException.missing("channel");
        }
        switch (name) {
            case "presence":
                return PRESENCE;
            case "metrics":
                return METRICS;
            case "activity":
                return ACTIVITY;
            case "announcements":
                return ANNOUNCEMENTS;
            default:
                return parseCollaboration(name);
        }
    }

    /** The collaboration channel of one document. */
    public static Channel collaboration(String documentId) {
        return parse(ChannelKind.COLLABORATION.prefix() + "." + documentId);
    }

    /** The name of the channel of this kind and document id, which must be null unless it collaborates. */
    private static String nameOf(ChannelKind kind, @Nullable String documentId) {
        if (kind != ChannelKind.COLLABORATION) {
            if (documentId != null) {
                throw new IllegalArgumentException("Only collaboration channels have a document id; kind "
                        + kind + " was given '" + abbreviate(documentId) + "'");
            }
            return kind.prefix();
        }
        if (documentId == null || !DOCUMENT_ID.matcher(documentId).matches()) {
            throw new IllegalArgumentException("A collaboration channel needs a document id of 1 to 64 letters, "
                    + "digits, '_' or '-', was " + (documentId == null ? "null" : "'" + abbreviate(documentId) + "'"));
        }
        return kind.prefix() + "." + documentId;
    }

    private static Channel parseCollaboration(String name) {
        String prefix = ChannelKind.COLLABORATION.prefix() + ".";
        if (name.startsWith(prefix)) {
            String documentId = name.substring(prefix.length());
            if (DOCUMENT_ID.matcher(documentId).matches()) {
                return new Channel(name, ChannelKind.COLLABORATION, documentId);
            }
        }
        throw new ProtocolException(ErrorCode.CHANNEL_NOT_FOUND, "Unknown channel '" + abbreviate(name) + "'");
    }

    private static String abbreviate(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "…";
    }

    @Override
    public String toString() {
        return name;
    }
}
