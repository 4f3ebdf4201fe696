package lab.yujian.protocol;

/** The seed's channel types. Every channel name belongs to exactly one kind. */
public enum ChannelKind {
    /** Lab presence: who is here, with status and location. Name: {@code presence}. */
    PRESENCE("presence"),
    /** Host and service metrics. Name: {@code metrics}. */
    METRICS("metrics"),
    /** The activity feed. Name: {@code activity}. */
    ACTIVITY("activity"),
    /** Lab announcements. Name: {@code announcements}. */
    ANNOUNCEMENTS("announcements"),
    /** Real-time collaboration on one document. Names: {@code collaboration.<documentId>}. */
    COLLABORATION("collaboration");

    private final String prefix;

    ChannelKind(String prefix) {
        this.prefix = prefix;
    }

    /** The channel name, or for {@link #COLLABORATION} the prefix before the document id. */
    public String prefix() {
        return prefix;
    }
}
