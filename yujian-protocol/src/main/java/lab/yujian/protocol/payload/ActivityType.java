package lab.yujian.protocol.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an activity entry records. */
public enum ActivityType {
    /** A user came online. */
    @JsonProperty("join") JOIN,
    /** A user went offline. */
    @JsonProperty("leave") LEAVE,
    /** Anything a user or device did: a check-in, a status change. */
    @JsonProperty("action") ACTION,
    /** An announcement was posted. */
    @JsonProperty("announcement") ANNOUNCEMENT
}
