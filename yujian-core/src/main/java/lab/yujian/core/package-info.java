/**
 * The Yu Jian hub: a framework-free engine for real-time channels. {@link lab.yujian.core.Hub} runs the
 * publish pipeline (validate, authorize, rate-limit, append to history, deliver) and answers
 * subscriptions, syncs, presence updates and pings; a {@link lab.yujian.core.SessionTransport} supplied by an
 * adapter (for example the Spring STOMP adapter) moves the bytes.
 *
 * <p>Stores live in sub-packages, each interface beside its in-memory implementation:
 * {@link lab.yujian.core.registry}, {@link lab.yujian.core.history}, {@link lab.yujian.core.presence},
 * {@link lab.yujian.core.ratelimit}; access rules in {@link lab.yujian.core.acl}; batching in
 * {@link lab.yujian.core.batch}. The implementation is in {@code lab.yujian.core.internal} and is not
 * part of the API.
 */
package lab.yujian.core;
