package lab.yujian.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.ChannelPattern;

/**
 * Everything a {@link Hub} can be tuned by. Immutable; build with {@link #custom()},
 * {@link #from(HubConfig)} or take {@link #ofDefaults()}. The builder names the field in every refusal.
 *
 * @param nodeId              this node's id, part of every client id; default {@code node-<random>}
 * @param staleAfter          a session silent this long is closed (the seed's stale threshold: 2 min)
 * @param maintenanceInterval how often stale sessions, idle limits and idle channels are swept (30 s)
 * @param nodeLease           how long this node's presence lease lasts without a heartbeat (6 s); the
 *                            node renews it every third of that, and its users go offline this long
 *                            (plus one renewal) after the node dies
 * @param gapWait             how long a channel's delivery waits for a missing sequence before reading it
 *                            from history (100 ms)
 * @param subscriptionLinger  how long the node keeps a channel's broker subscription after its last
 *                            local subscriber left (5 s), so that a quick resubscribe costs nothing
 * @param abuseLimit          refusals the client caused ({@code ErrorCode.causedByClient()}) per
 *                            rate-limit window after which a session is closed as abusive (100); server
 *                            failures do not count
 * @param snapshotSize        most recent messages in a history-based {@code INITIAL_DATA} (50)
 * @param maxSubscriptionsPerSession channels one session may join at once (100); more are refused with
 *                            {@code TOO_MANY_SUBSCRIPTIONS}
 * @param history             history bounds; the declared kinds' own bounds are added to it
 * @param rateLimit           client sends per user
 * @param batch               batching
 * @param policy              channel access
 * @param channelKinds        the channel kinds a service declares beside the built-in ones (none)
 */
public record HubConfig(String nodeId, Duration staleAfter, Duration maintenanceInterval, Duration nodeLease,
                        Duration gapWait, Duration subscriptionLinger,
                        int abuseLimit, int snapshotSize, int maxSubscriptionsPerSession, HistoryConfig history, RateLimitConfig rateLimit,
                        BatchConfig batch, ChannelPolicy policy, List<ChannelKindConfig> channelKinds) {

    public HubConfig {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("nodeId must be 1 to 40 letters, digits, '_' or '-', was '" + nodeId + "'");
        }
        positive(staleAfter, "staleAfter");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(nodeLease, "nodeLease");
        if (nodeLease.toMillis() < 300) {
            throw new IllegalArgumentException("nodeLease must be at least 300 ms, was " + nodeLease);
        }
        positive(gapWait, "gapWait");
        positive(subscriptionLinger, "subscriptionLinger");
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
        channelKinds = List.copyOf(Objects.requireNonNull(channelKinds, "channelKinds"));
        ChannelKinds kinds = kinds(channelKinds);
        check(kinds, policy.subscribe(), "policy.subscribe");
        check(kinds, policy.publish(), "policy.publish");
        check(kinds, Map.of("channels", batch.channels(), "bursts", batch.bursts()), "batch");
        history = withKindBounds(history, channelKinds);
    }

    /** The built-in channel kinds and the declared ones. */
    public ChannelKinds kinds() {
        return kinds(channelKinds);
    }

    private static ChannelKinds kinds(List<ChannelKindConfig> declared) {
        List<ChannelKind> kinds = new ArrayList<>(declared.size());
        for (ChannelKindConfig kind : declared) {
            kinds.add(kind.kind());
        }
        return ChannelKinds.with(kinds);
    }

    private static void check(ChannelKinds kinds, Map<String, List<ChannelPattern>> rules, String field) {
        rules.forEach((name, patterns) -> patterns.forEach(pattern -> kinds.check(pattern, field + "." + name)));
    }

    private static HistoryConfig withKindBounds(HistoryConfig history, List<ChannelKindConfig> declared) {
        HistoryConfig.Builder builder = null;
        for (ChannelKindConfig kind : declared) {
            HistoryConfig.Bounds bounds = kind.history();
            if (bounds != null && !bounds.equals(history.kinds().get(kind.kind().name()))) {
                builder = builder != null ? builder : HistoryConfig.from(history);
                builder.kind(kind.kind().name(), bounds.maxSize(), bounds.maxAge());
            }
        }
        return builder == null ? history : builder.build();
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
                .nodeLease(prototype.nodeLease)
                .gapWait(prototype.gapWait)
                .subscriptionLinger(prototype.subscriptionLinger)
                .abuseLimit(prototype.abuseLimit)
                .snapshotSize(prototype.snapshotSize)
                .maxSubscriptionsPerSession(prototype.maxSubscriptionsPerSession)
                .history(prototype.history)
                .rateLimit(prototype.rateLimit)
                .batch(prototype.batch)
                .policy(prototype.policy)
                .channelKinds(prototype.channelKinds);
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
        private Duration nodeLease = Duration.ofSeconds(6);
        private Duration gapWait = Duration.ofMillis(100);
        private Duration subscriptionLinger = Duration.ofSeconds(5);
        private int abuseLimit = 100;
        private int snapshotSize = 50;
        private int maxSubscriptionsPerSession = 100;
        private HistoryConfig history = HistoryConfig.ofDefaults();
        private RateLimitConfig rateLimit = RateLimitConfig.ofDefaults();
        private BatchConfig batch = BatchConfig.ofDefaults();
        private ChannelPolicy policy = ChannelPolicy.ofDefaults();
        private final List<ChannelKindConfig> channelKinds = new ArrayList<>();

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

        public Builder nodeLease(Duration nodeLease) {
            this.nodeLease = nodeLease;
            return this;
        }

        public Builder gapWait(Duration gapWait) {
            this.gapWait = gapWait;
            return this;
        }

        public Builder subscriptionLinger(Duration subscriptionLinger) {
            this.subscriptionLinger = subscriptionLinger;
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

        /** Declares a channel kind of the service's own (added to any declared before). */
        public Builder channelKind(ChannelKindConfig kind) {
            channelKinds.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Replaces the declared channel kinds. */
        public Builder channelKinds(List<ChannelKindConfig> kinds) {
            channelKinds.clear();
            kinds.forEach(this::channelKind);
            return this;
        }

        public HubConfig build() {
            return new HubConfig(nodeId, staleAfter, maintenanceInterval, nodeLease, gapWait, subscriptionLinger,
                    abuseLimit, snapshotSize,
                    maxSubscriptionsPerSession, history, rateLimit, batch, policy, channelKinds);
        }
    }
}
