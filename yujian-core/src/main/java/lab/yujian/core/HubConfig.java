package lab.yujian.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;

/**
 * Everything a {@link Hub} can be tuned by. Immutable; build with {@link #custom()},
 * {@link #from(HubConfig)} or take {@link #ofDefaults()}. The builder names the field in every refusal.
 *
 * @param nodeId              this node's id, part of every client id; default {@code node-<random>}
 * @param staleAfter          a session silent this long is closed (the seed's stale threshold: 2 min)
 * @param maintenanceInterval how often stale sessions, presence leases and idle limits are swept (30 s)
 * @param presenceLease       how long a session's presence lasts without renewal (90 s); must exceed
 *                            the maintenance interval, which renews it
 * @param abuseLimit          refusals the client caused ({@code ErrorCode.causedByClient()}) per
 *                            rate-limit window after which a session is closed as abusive (100); server
 *                            failures do not count
 * @param snapshotSize        most recent messages in a history-based {@code INITIAL_DATA} (50)
 * @param maxSubscriptionsPerSession channels one session may join at once (100); more are refused with
 *                            {@code TOO_MANY_SUBSCRIPTIONS}
 * @param history             history bounds
 * @param rateLimit           client sends per user
 * @param batch               batching
 * @param policy              channel access
 */
public record HubConfig(String nodeId, Duration staleAfter, Duration maintenanceInterval, Duration presenceLease,
                        int abuseLimit, int snapshotSize, int maxSubscriptionsPerSession, HistoryConfig history, RateLimitConfig rateLimit,
                        BatchConfig batch, ChannelPolicy policy) {

    public HubConfig {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("nodeId must be 1 to 40 letters, digits, '_' or '-', was '" + nodeId + "'");
        }
        positive(staleAfter, "staleAfter");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(presenceLease, "presenceLease");
        if (presenceLease.compareTo(maintenanceInterval) <= 0) {
            throw new IllegalArgumentException("presenceLease (" + presenceLease
                    + ") must be longer than maintenanceInterval (" + maintenanceInterval + "), which renews it");
        }
        if (abuseLimit < 1) {
            throw new IllegalArgumentException("abuseLimit must be at least 1, was " + abuseLimit);
        }
        if (snapshotSize < 1) {
            throw new IllegalArgumentException("snapshotSize must be at least 1, was " + snapshotSize);
        }
        if (maxSubscriptionsPerSession < 1) {
            throw new IllegalArgumentException("maxSubscriptionsPerSession must be at least 1, was "
                    + maxSubscriptionsPerSession);
        }
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(policy, "policy");
    }

    /** The defaults listed on each field. */
    public static HubConfig ofDefaults() {
        return custom().build();
    }

    /** A builder holding the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding the values of {@code prototype}. */
    public static Builder from(HubConfig prototype) {
        return new Builder()
                .nodeId(prototype.nodeId)
                .staleAfter(prototype.staleAfter)
                .maintenanceInterval(prototype.maintenanceInterval)
                .presenceLease(prototype.presenceLease)
                .abuseLimit(prototype.abuseLimit)
                .snapshotSize(prototype.snapshotSize)
                .maxSubscriptionsPerSession(prototype.maxSubscriptionsPerSession)
                .history(prototype.history)
                .rateLimit(prototype.rateLimit)
                .batch(prototype.batch)
                .policy(prototype.policy);
    }

    private static void positive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    /** Builds a {@link HubConfig}; {@link #build()} validates every field. */
    public static final class Builder {
        private String nodeId = "node-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        private Duration staleAfter = Duration.ofMinutes(2);
        private Duration maintenanceInterval = Duration.ofSeconds(30);
        private Duration presenceLease = Duration.ofSeconds(90);
        private int abuseLimit = 100;
        private int snapshotSize = 50;
        private int maxSubscriptionsPerSession = 100;
        private HistoryConfig history = HistoryConfig.ofDefaults();
        private RateLimitConfig rateLimit = RateLimitConfig.ofDefaults();
        private BatchConfig batch = BatchConfig.ofDefaults();
        private ChannelPolicy policy = ChannelPolicy.ofDefaults();

        private Builder() {
        }

        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder staleAfter(Duration staleAfter) {
            this.staleAfter = staleAfter;
            return this;
        }

        public Builder maintenanceInterval(Duration maintenanceInterval) {
            this.maintenanceInterval = maintenanceInterval;
            return this;
        }

        public Builder presenceLease(Duration presenceLease) {
            this.presenceLease = presenceLease;
            return this;
        }

        public Builder abuseLimit(int abuseLimit) {
            this.abuseLimit = abuseLimit;
            return this;
        }

        public Builder snapshotSize(int snapshotSize) {
            this.snapshotSize = snapshotSize;
            return this;
        }

        public Builder maxSubscriptionsPerSession(int maxSubscriptionsPerSession) {
            this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
            return this;
        }

        public Builder history(HistoryConfig history) {
            this.history = history;
            return this;
        }

        public Builder rateLimit(RateLimitConfig rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder batch(BatchConfig batch) {
            this.batch = batch;
            return this;
        }

        public Builder policy(ChannelPolicy policy) {
            this.policy = policy;
            return this;
        }

        public HubConfig build() {
            return new HubConfig(nodeId, staleAfter, maintenanceInterval, presenceLease, abuseLimit, snapshotSize,
                    maxSubscriptionsPerSession, history, rateLimit, batch, policy);
        }
    }
}
