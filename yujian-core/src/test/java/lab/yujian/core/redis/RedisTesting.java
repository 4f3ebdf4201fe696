package lab.yujian.core.redis;

import java.time.Duration;
import java.util.UUID;

/**
 * The real Redis of the test machine (127.0.0.1:6379, or {@code YUJIAN_TEST_REDIS_URL}), with a key
 * prefix of its own per use, so that tests never see each other's keys.
 */
public final class RedisTesting {

    /** The server's URI. */
    public static final String URI = System.getenv().getOrDefault("YUJIAN_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisTesting() {
    }

    /** A fresh prefix, unique to the caller. */
    public static String newPrefix() {
        return "yujian-test:" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A connector under a prefix. */
    public static RedisConnector connect(String prefix) {
        try {
            return RedisConnector.connect(URI, null, prefix, Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The tests need Redis at " + URI + " (scripts/prepare-test-env.sh "
                    + "starts it): " + e.getMessage(), e);
        }
    }
}
