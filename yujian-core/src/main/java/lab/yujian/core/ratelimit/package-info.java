/**
 * Rate limiting by key with token buckets, configured by the seed's {@code RATE_LIMIT_MAX} and
 * {@code RATE_LIMIT_WINDOW}. Refusals are values ({@link lab.yujian.core.ratelimit.RateLimitDecision}),
 * not exceptions, because they are expected on the hot path.
 */
package lab.yujian.core.ratelimit;
