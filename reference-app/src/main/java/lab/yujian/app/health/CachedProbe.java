package lab.yujian.app.health;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator whose probe runs at most once per {@link #FOR}; concurrent requests in that time get
 * the last answer. A probe that throws is reported DOWN with the exception's message (no stack trace).
 */
final class CachedProbe implements HealthIndicator {

    /** How long one answer is reused. */
    static final Duration FOR = Duration.ofSeconds(1);

    private final Supplier<Health> probe;
    private volatile Health last;
    private volatile long lastAt;

    CachedProbe(Supplier<Health> probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        Health answer = last;
        if (answer != null && System.nanoTime() - lastAt < FOR.toNanos()) {
            return answer;
        }
        synchronized (this) {
            if (last != null && System.nanoTime() - lastAt < FOR.toNanos()) {
                return last;
            }
            try {
                answer = probe.get();
            } catch (RuntimeException e) {
                answer = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
            last = answer;
            lastAt = System.nanoTime();
            return answer;
        }
    }
}
