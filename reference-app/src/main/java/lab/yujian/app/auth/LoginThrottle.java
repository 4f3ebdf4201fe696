package lab.yujian.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Throttles sign-ins with one bounded, expiring structure: a Caffeine cache of Bucket4j token buckets.
 * Two budgets draw on it: attempts per user name and address, and attempts per address, so that distinct
 * user names from one address cannot get around the first. An attempt takes from both before the
 * password is checked (so parallel guesses cannot overrun the budget); a successful sign-in gives both
 * back, so only failures count.
 *
 * <p>The cache holds at most {@code maxKeys} buckets and drops one a window after its last use, when it
 * would be full again anyway; a key is at most about 140 characters (user names are limited at the edge,
 * addresses cut to {@value #MAX_ADDRESS}). So memory stays bounded whatever a flood sends. Past
 * {@code maxKeys} the least useful buckets go first, which can forget an attacker's spent budget early;
 * the per-address budget still holds for the address that floods.
 *
 * <p>Each node throttles on its own: behind a load balancer, N nodes grant N times the budget. Thread-safe.
 */
final class LoginThrottle {

    /** Longest address kept in a key; longer (forged) ones are cut, which only merges them. */
    static final int MAX_ADDRESS = 64;

    private final Bandwidth perUser;
    private final Bandwidth perAddress;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    /**
     * @param perUser    attempts per user name and address per window
     * @param perAddress attempts per address per window, over all user names
     * @param window     the time in which a spent budget refills completely
     * @param maxKeys    the most buckets kept
     * @param clock      the time source of the buckets and of their expiry
     */
    LoginThrottle(int perUser, int perAddress, Duration window, long maxKeys, Clock clock) {
        this.perUser = Bandwidth.builder().capacity(perUser).refillGreedy(perUser, window).build();
        this.perAddress = Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, window).build();
        this.time = new ClockTimeMeter(Objects.requireNonNull(clock, "clock"));
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(window)
                .ticker(time::currentTimeNanos).executor(Runnable::run).build();
    }

    /**
     * Takes one attempt from both budgets.
     *
     * @return empty when the attempt may go ahead (and has been counted); otherwise how long until it may
     */
    Optional<Duration> tryAttempt(String username, String address) {
        Bucket user = bucket(userKey(username, address), perUser);
        ConsumptionProbe userProbe = user.tryConsumeAndReturnRemaining(1);
        if (!userProbe.isConsumed()) {
            return Optional.of(Duration.ofNanos(userProbe.getNanosToWaitForRefill()));
        }
        ConsumptionProbe addressProbe = bucket(addressKey(address), perAddress).tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            user.addTokens(1);
            return Optional.of(Duration.ofNanos(addressProbe.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    /** Gives back the attempt of a sign-in that succeeded. */
    void succeeded(String username, String address) {
        bucket(userKey(username, address), perUser).addTokens(1);
        bucket(addressKey(address), perAddress).addTokens(1);
    }

    /** How many buckets are kept now (for tests of the bound). */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key, Bandwidth bandwidth) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
    }

    /** User names are compared as people type them: "Admin " and "admin" share a budget. */
    private static String userKey(String username, String address) {
        return "user|" + cut(address) + "|" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address|" + cut(address);
    }

    private static String cut(String address) {
        String known = address == null ? "unknown" : address;
        return known.length() > MAX_ADDRESS ? known.substring(0, MAX_ADDRESS) : known;
    }

    /** Bucket4j's and Caffeine's time, read from the injected {@link Clock}. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
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
}
