package lab.yujian.spring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yujian.shutdown.*}: how a stopping node lets its sessions go.
 *
 * @param drainWindow the sessions are closed (1012) one after another, spread evenly over this window, so
 *                    that their reconnects do not arrive at the other nodes all at once; 0 closes them
 *                    together. Default 10 s, at most 10 min. {@code spring.lifecycle.timeout-per-shutdown-phase}
 *                    must be longer, or the context stops waiting for the drain.
 */
@ConfigurationProperties("yujian.shutdown")
public record ShutdownProperties(Duration drainWindow) {

    /** The default drain window. */
    public static final Duration DEFAULT_DRAIN_WINDOW = Duration.ofSeconds(10);
    private static final Duration MAX_DRAIN_WINDOW = Duration.ofMinutes(10);

    public ShutdownProperties {
        drainWindow = drainWindow == null ? DEFAULT_DRAIN_WINDOW : drainWindow;
        if (drainWindow.isNegative() || drainWindow.compareTo(MAX_DRAIN_WINDOW) > 0) {
            throw new IllegalArgumentException("yujian.shutdown.drain-window must be between 0 and "
                    + MAX_DRAIN_WINDOW + ", was " + drainWindow);
        }
    }
}
