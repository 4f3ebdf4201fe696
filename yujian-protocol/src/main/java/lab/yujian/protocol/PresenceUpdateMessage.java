package lab.yujian.protocol;

import lab.yujian.protocol.payload.PresenceStatus;

/**
 * {@code PRESENCE_UPDATE}: sets the sending session's own presence. Only {@code online} and {@code away}
 * may be set; {@code offline} follows from closing the last session.
 *
 * @param status   {@code online} or {@code away}
 * @param location where in the lab, up to {@value #MAX_TEXT} characters; absent keeps the current one,
 *                 empty clears it
 * @param activity what the user is doing, up to {@value #MAX_TEXT} characters; absent keeps, empty clears
 */
public record PresenceUpdateMessage(PresenceStatus status, @Nullable String location, @Nullable String activity)
        implements ClientMessage {

    /** Longest accepted location or activity. */
    public static final int MAX_TEXT = 120;

    public PresenceUpdateMessage {
        Fields.require(status, "status");
        if (status == PresenceStatus.OFFLINE) {
            throw ProtocolException.invalid("status", "must be online or away; offline follows from disconnecting");
        }
        Fields.maxLength(location, MAX_TEXT, "location");
        Fields.maxLength(activity, MAX_TEXT, "activity");
    }
}
