package lab.yujian.protocol;

/**
 * The longest text the protocol accepts in each field a server may store, in characters (UTF-16 code
 * units, as Java and SQL {@code VARCHAR} count them). The payload records refuse longer values in their
 * constructors, so a STOMP {@code PUBLISH} and a REST body meet the same limit, and nothing longer ever
 * reaches a store. A server's columns must be at least this wide; the reference app proves its own are.
 *
 * <p>Every text field is also refused when it holds the NUL character (U+0000), which PostgreSQL text
 * cannot keep (see {@link Fields#maxLength}).
 */
public final class FieldLimits {

    /** Ids: of a user, an announcement, an activity entry, a collaboration document. */
    public static final int ID = 64;
    /** A person's display name, as authors and presence carry it. */
    public static final int NAME = 120;
    /** A role name, such as {@code moderator}. */
    public static final int ROLE = 32;
    /** An avatar URL. */
    public static final int AVATAR = 2048;
    /** A presence location or activity, such as "Bench 3" or "imaging samples". */
    public static final int PRESENCE_TEXT = 120;
    /** An announcement's title. */
    public static final int TITLE = 200;
    /** An announcement's content. */
    public static final int CONTENT = 5000;
    /** An activity entry's message. */
    public static final int ACTIVITY_MESSAGE = 1000;
    /** An activity entry's metadata, measured as its compact JSON text. */
    public static final int ACTIVITY_METADATA = 4000;
    /** A lab service's name in a metrics sample. */
    public static final int SERVICE_NAME = 100;

    private FieldLimits() {
    }
}
