package lab.yujian.spring.rabbitmq;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A jittered exponential backoff that counts its own attempts (a {@code ReconnectStrategy} is told attempt
 * 1 every time after a drop, which would retry at the shortest delay forever). The count starts again once
 * a connection has stayed up for {@code stableAfter}. Thread-safe.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final Duration stableAfter;
    private final AtomicInteger attempts = new AtomicInteger();

    Backoff(Duration min, Duration max, Duration stableAfter) {
        this.min = min;
        this.max = max;
        this.stableAfter = stableAfter;
    }

    /** The delay before the next attempt, which it counts. */
    long nextDelayMillis() {
        return delay(attempts.getAndIncrement(), min.toMillis(), max.toMillis(), ThreadLocalRandom.current().nextDouble());
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
