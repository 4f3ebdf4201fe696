/**
 * The Redis implementations of the core's stores, for cluster mode: {@link
 * lab.yujian.core.redis.RedisHistoryStore} (one Lua script per append), {@link
 * lab.yujian.core.redis.RedisPresenceStore} (sessions under per-node leases), {@link
 * lab.yujian.core.redis.RedisRateLimiter} (Bucket4j over Lettuce) and {@link
 * lab.yujian.core.redis.RedisPubSubFanout}, sharing one {@link lab.yujian.core.redis.RedisConnector}. Only
 * these classes touch a Redis client; the core's other packages never do (an ArchUnit rule says so).
 * Lettuce and Bucket4j's Lettuce module are optional dependencies of the core: add them to use this package.
 */
package lab.yujian.core.redis;
