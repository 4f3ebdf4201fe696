package lab.yujian.spring.stomp;

import java.time.Duration;

/**
 * What the STOMP layer reports beyond the hub's own observations. Kept free of Micrometer so that the
 * adapter runs without it.
 */
public interface StompMetrics {

    /** Reports nothing. */
    StompMetrics NONE = new StompMetrics() {
    };

    /** A CONNECT was refused before a session existed. */
    default void connectionRejected() {
    }

    /** A client frame to {@code /app} took {@code elapsed} from arrival to the hub finishing it. */
    default void handled(Duration elapsed) {
    }
}
