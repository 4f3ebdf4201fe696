package lab.yujian.protocol.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of a collaboration event. */
public enum CollaborationType {
    /** A cursor moved. */
    @JsonProperty("cursor") CURSOR,
    /** A selection changed. */
    @JsonProperty("selection") SELECTION,
    /** The document was edited. */
    @JsonProperty("edit") EDIT,
    /** A comment was added. */
    @JsonProperty("comment") COMMENT
}
