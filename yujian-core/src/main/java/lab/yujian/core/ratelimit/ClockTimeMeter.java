package lab.yujian.core.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Bucket4j's time source, read from a {@link Clock}, so that every rate limiter of the core follows the
 * injected clock and tests move it instead of sleeping.
 *
 * @param clock the clock to read
 */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

    public ClockTimeMeter {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
