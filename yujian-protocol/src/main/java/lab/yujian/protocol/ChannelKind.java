package lab.yujian.protocol;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.CollaborationPayload;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.PresencePayload;
import tools.jackson.databind.JsonNode;

/**
 * A type of channel: its name, whether its channels carry an id, and the payload they carry. The seed's
 * five kinds are built in ({@link #PRESENCE}, {@link #METRICS}, {@link #ACTIVITY}, {@link #ANNOUNCEMENTS},
 * {@link #COLLABORATION}); a service declares its own with {@link #named} (one channel, such as
 * {@code bookings}) or {@link #withIds} (one channel per id, such as {@code instruments.freezer-3}) and
 * lists them in {@link ChannelKinds}.
 *
 * <p>A kind's name is 1 to 32 lower-case letters, digits, {@code _} or {@code -}, starting with a letter;
 * an id is 1 to 64 letters, digits, {@code _} or {@code -}, like a document id. The payload type is a
 * record read by Jackson, whose constructor validates it with {@link ProtocolException}s naming the
 * field (see {@link Fields}), so a client gets {@code MISSING_FIELD} or {@code INVALID_TYPE} as for the
 * built-in kinds; {@link JsonNode} takes any JSON object unchecked. Kinds are equal when their names are.
 */
public final class ChannelKind {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** Lab presence: who is here, with status and location. Name: {@code presence}. */
    public static final ChannelKind PRESENCE = new ChannelKind("presence", false, PresencePayload.class, true);
    /** Host and service metrics. Name: {@code metrics}. */
    public static final ChannelKind METRICS = new ChannelKind("metrics", false, MetricsPayload.class, true);
    /** The activity feed. Name: {@code activity}. */
    public static final ChannelKind ACTIVITY = new ChannelKind("activity", false, ActivityPayload.class, true);
    /** Lab announcements. Name: {@code announcements}. */
    public static final ChannelKind ANNOUNCEMENTS =
            new ChannelKind("announcements", false, AnnouncementPayload.class, true);
    /** Real-time collaboration on one document. Names: {@code collaboration.<documentId>}. */
    public static final ChannelKind COLLABORATION =
            new ChannelKind("collaboration", true, CollaborationPayload.class, true);

    private static final List<ChannelKind> BUILT_IN = List.of(PRESENCE, METRICS, ACTIVITY, ANNOUNCEMENTS, COLLABORATION);

    private final String name;
    private final boolean withIds;
    private final Class<?> payloadType;
    private final boolean builtIn;

    private ChannelKind(String name, boolean withIds, Class<?> payloadType, boolean builtIn) {
        this.name = name;
        this.withIds = withIds;
        this.payloadType = payloadType;
        this.builtIn = builtIn;
    }

    /**
     * A kind with a single channel of the same name, such as {@code bookings}.
     *
     * @throws IllegalArgumentException naming the problem, if the name is not a kind name or is a built-in's
     */
    public static ChannelKind named(String name, Class<?> payloadType) {
        return declared(name, false, payloadType);
    }

    /**
     * A kind with one channel per id, named {@code <name>.<id>}, such as {@code instruments.freezer-3}.
     *
     * @throws IllegalArgumentException naming the problem, if the name is not a kind name or is a built-in's
     */
    public static ChannelKind withIds(String name, Class<?> payloadType) {
        return declared(name, true, payloadType);
    }

    /** The seed's five kinds. */
    public static List<ChannelKind> builtIns() {
        return BUILT_IN;
    }

    private static ChannelKind declared(String name, boolean withIds, Class<?> payloadType) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Channel kind name '" + name + "' must be 1 to 32 lower-case letters, "
                    + "digits, '_' or '-', starting with a letter");
        }
        for (ChannelKind builtIn : BUILT_IN) {
            if (builtIn.name.equals(name)) {
                throw new IllegalArgumentException("Channel kind '" + name + "' is built in; choose another name");
            }
        }
        if (payloadType.isPrimitive() || payloadType.isArray()) {
            throw new IllegalArgumentException("The payload of channel kind '" + name
                    + "' must be a JSON object: a record or JsonNode, not " + payloadType.getSimpleName());
        }
        return new ChannelKind(name, withIds, payloadType, false);
    }

    /** The kind's name: the channel's name, or for a kind with ids the prefix before {@code .<id>}. */
    public String name() {
        return name;
    }

    /** The same as {@link #name()}: the channel name, or the prefix before the id. */
    public String prefix() {
        return name;
    }

    /** Whether its channels are named {@code <name>.<id>}, one per id. */
    public boolean withIds() {
        return withIds;
    }

    /** The type a payload on its channels is read as; {@link JsonNode} for any JSON object. */
    public Class<?> payloadType() {
        return payloadType;
    }

    /** Whether this is one of the seed's five kinds. */
    public boolean builtIn() {
        return builtIn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelKind kind && kind.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The name in upper case for a built-in kind ({@code METRICS}), else the name. */
    @Override
    public String toString() {
        return builtIn ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }
}
