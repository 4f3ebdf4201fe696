package lab.yujian.protocol.json;

import java.util.Map;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.CollaborationPayload;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.PresencePayload;

/** Which payload record each channel kind carries. */
public final class ChannelPayloads {

    private static final Map<ChannelKind, Class<?>> TYPES = Map.of(
            ChannelKind.PRESENCE, PresencePayload.class,
            ChannelKind.METRICS, MetricsPayload.class,
            ChannelKind.ACTIVITY, ActivityPayload.class,
            ChannelKind.ANNOUNCEMENTS, AnnouncementPayload.class,
            ChannelKind.COLLABORATION, CollaborationPayload.class);

    private ChannelPayloads() {
    }

    /** The payload record type of a channel kind. */
    public static Class<?> typeOf(ChannelKind kind) {
        return TYPES.get(kind);
    }
}
