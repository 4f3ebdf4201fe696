package lab.yujian.core.ratelimit;

/**
 * Token-bucket rate limiting per key (a user id, an abuse counter of a session).
 *
 * <p>Contract for implementations: {@link #tryAcquire} is atomic per key; a fresh key starts with a full
 * bucket; tokens refill continuously at the configured rate and never beyond the limit. Thread-safe.
 */
public interface RateLimiter {

    /** Takes one permit for the key if one is available. */
    RateLimitDecision tryAcquire(String key);

    /** The permits the key has now, without taking one; a key never seen has the full limit. */
    long available(String key);

    /** The configuration every key is limited by. */
    RateLimitConfig config();

    /**
     * Forgets keys whose buckets are full again. A full bucket is indistinguishable from a new one, so this
     * loses nothing; it bounds memory to the keys active within one window. Walks all keys: call it from
     * maintenance, not per message.
     *
     * @return how many keys were forgotten
     */
    int evictIdle();
}
