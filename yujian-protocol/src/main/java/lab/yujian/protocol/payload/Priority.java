package lab.yujian.protocol.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An announcement's priority, lowest first. */
public enum Priority {
    /** Background information. */
    @JsonProperty("low") LOW,
    /** The default. */
    @JsonProperty("normal") NORMAL,
    /** Shown prominently. */
    @JsonProperty("high") HIGH,
    /** Shown as a banner until it expires. */
    @JsonProperty("urgent") URGENT
}
