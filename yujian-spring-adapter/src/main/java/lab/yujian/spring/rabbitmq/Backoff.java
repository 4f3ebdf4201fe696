package lab.yujian.spring.rabbitmq;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.tcp.ReconnectStrategy;

/**
 * A jittered exponential backoff that counts its own attempts: after a drop on an established connection,
 * {@code ReactorNettyTcpClient} passes attempt 1 every time, which would retry at the shortest delay
 * forever. The count starts again once a connection has stayed up for {@code stableAfter}.
 */
final class Backoff implements ReconnectStrategy {

    private final Duration min;
    private final Duration max;
    private final Duration stableAfter;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean stopped;

    Backoff(Duration min, Duration max, Duration stableAfter) {
        this.min = min;
        this.max = max;
        this.stableAfter = stableAfter;
    }

    @Override
    public Long getTimeToNextAttempt(int ignoredAttemptCount) {
        if (stopped) {
            return null;
        }
        return delay(attempts.getAndIncrement(), min.toMillis(), max.toMillis(), ThreadLocalRandom.current().nextDouble());
    }

    /** No more attempts: the client stops reconnecting when told null. */
    void stop() {
        stopped = true;
    }

    /** A connection that was up for {@code upFor} was lost. */
    void dropped(Duration upFor) {
        if (upFor.compareTo(stableAfter) >= 0) {
            attempts.set(0);
        }
    }

    /** The delay before attempt {@code step} (0 first): min·2^step capped at max, then jittered down to half. */
    static long delay(int step, long minMillis, long maxMillis, double random) {
        long ceiling = Math.min(maxMillis, minMillis << Math.min(step, 20));
        return ceiling / 2 + (long) (random * (ceiling - ceiling / 2));
    }
}
