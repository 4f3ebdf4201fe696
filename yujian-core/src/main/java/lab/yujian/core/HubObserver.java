package lab.yujian.core;

import java.time.Duration;
import lab.yujian.core.history.Published;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;

/**
 * Callbacks about what the hub does, for metrics and for application features (an activity feed, a
 * presence log). Every method has an empty default. Callbacks run on the hub's calling thread, outside
 * hub locks; they must be quick and must not throw (exceptions are logged and dropped).
 */
public interface HubObserver {

    /** A session connected. */
    default void connected(Session session) {
    }

    /** A session ended after {@code duration}. */
    default void disconnected(Session session, Duration duration) {
    }

    /**
     * A client message arrived.
     *
     * @param type    the message type, as the destination says ({@code PUBLISH}, {@code PING}, ...)
     * @param channel the channel it names, if any
     * @param bytes   the body size
     */
    default void received(String type, @Nullable String channel, int bytes) {
    }

    /**
     * This node published a message (once per message, on the node that published it, whatever node its
     * subscribers are on).
     *
     * @param message the message as stored, with its position and its encoding
     * @param payload the payload record it carries
     */
    default void published(Published message, Object payload) {
    }

    /** A client request was refused with {@code code}. */
    default void refused(ErrorCode code) {
    }

    /** A user's aggregated presence changed. */
    default void presenceChanged(PresenceEvent event) {
    }
}
