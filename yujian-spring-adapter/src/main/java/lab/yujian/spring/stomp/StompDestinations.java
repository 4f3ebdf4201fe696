package lab.yujian.spring.stomp;

import lab.yujian.protocol.Nullable;

/** The destinations of the protocol contract. */
public final class StompDestinations {

    /** Broadcasts: {@code /topic/<channel>}. */
    public static final String TOPIC_PREFIX = "/topic/";
    /** The session's own queues, such as the replies. */
    public static final String USER_QUEUE_PREFIX = "/user/queue/";
    /** Per-session replies. */
    public static final String REPLIES = "/user/queue/replies";
    /** Client sends go to {@code /app/<action>}. */
    public static final String APP_PREFIX = "/app";
    /** The user destination prefix. */
    public static final String USER_PREFIX = "/user";

    private StompDestinations() {
    }

    /** The channel name of a topic destination, or null if it is not one. */
    public static @Nullable String channelOf(@Nullable String destination) {
        if (destination == null || !destination.startsWith(TOPIC_PREFIX)) {
            return null;
        }
        return destination.substring(TOPIC_PREFIX.length());
    }

    /** The application destinations a client may SEND to. */
    public static final java.util.Set<String> APPLICATION = java.util.Set.of(
            APP_PREFIX + "/publish", APP_PREFIX + "/sync", APP_PREFIX + "/presence", APP_PREFIX + "/ping");

    /** Whether a SEND goes to an application handler. */
    public static boolean isApplication(@Nullable String destination) {
        return destination != null && APPLICATION.contains(destination);
    }
}
