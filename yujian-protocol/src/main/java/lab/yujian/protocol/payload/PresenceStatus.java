package lab.yujian.protocol.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's presence status. */
public enum PresenceStatus {
    /** At least one session is connected and active. */
    @JsonProperty("online") ONLINE,
    /** Connected, but every session reported being away (idle or set by hand). */
    @JsonProperty("away") AWAY,
    /** No session is connected. */
    @JsonProperty("offline") OFFLINE
}
