package lab.yujian.spring.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.core.HubConfig;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.protocol.ChannelPattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code yujian.*} settings. Defaults are the seed's. {@link #toHubConfig()} is the single place where
 * they become the core's {@link HubConfig}; the core validates them and names the field it refuses.
 */
@ConfigurationProperties("yujian")
public class YujianProperties {

    /** The default of {@code yujian.socket-buffer-size}. */
    public static final DataSize DEFAULT_SOCKET_BUFFER_SIZE = DataSize.ofKilobytes(4);

    /** This node's id, part of every client id; random when unset. */
    private String nodeId;
    /** The STOMP endpoint path. */
    private String endpoint = "/ws";
    /** Origins allowed to open the endpoint from a browser; empty allows same-origin and localhost only. */
    private List<String> allowedOrigins = new ArrayList<>();
    /** A socket that has not sent an accepted CONNECT this long after the handshake is closed (1001). */
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** Most channels one session may subscribe to at once; more are refused with TOO_MANY_SUBSCRIPTIONS. */
    private int maxSubscriptionsPerSession = 100;
    /** The heart-beat the server offers and expects. */
    private Duration heartbeat = Duration.ofSeconds(10);
    /** A session silent this long is closed (the seed's stale threshold). */
    private Duration staleAfter = Duration.ofMinutes(2);
    /** How often stale sessions and presence leases are swept. */
    private Duration maintenanceInterval = Duration.ofSeconds(30);
    /** How long this node's presence lease lasts without a heartbeat; its users go offline this long after it dies. */
    private Duration nodeLease = Duration.ofSeconds(6);
    /** How long a channel's delivery waits for a missing sequence before reading it from history. */
    private Duration gapWait = Duration.ofMillis(100);
    /** How long a channel's broker subscription outlives its last local subscriber. */
    private Duration subscriptionLinger = Duration.ofSeconds(5);
    /** Refused messages per rate-limit window after which a session is closed as abusive. */
    private int abuseLimit = 100;
    /** Newest messages sent in a history-based INITIAL_DATA. */
    private int snapshotSize = 50;
    /** Largest STOMP frame a client may send; larger frames close the session with 1009. */
    private DataSize messageSizeLimit = DataSize.ofKilobytes(64);
    /** The container's per-session buffer for an inbound message; larger ones arrive in parts, assembled per session. */
    private DataSize messageBufferSize = DataSize.ofKilobytes(2);
    /**
     * Tomcat's buffers per connection: the socket's read and write buffers and the WebSocket frame buffers
     * (in, out, text encoding). Tomcat's 8 KB each is sized for HTTP; an open session keeps all five.
     */
    private DataSize socketBufferSize = DEFAULT_SOCKET_BUFFER_SIZE;
    /** Whether a client may negotiate permessage-deflate; it costs about 300 KB of native memory per session. */
    private boolean perMessageDeflate = false;
    /** Longest a send to one client may take before the session is closed as too slow (4500). */
    private Duration sendTimeLimit = Duration.ofSeconds(10);
    /** Most data waiting for one slow client before its session is closed (4500). */
    private DataSize sendBufferSizeLimit = DataSize.ofMegabytes(1);

    private final Jwt jwt = new Jwt();
    private final RateLimit rateLimit = new RateLimit();
    private final History history = new History();
    private final Batch batch = new Batch();
    private final Acl acl = new Acl();

    /** The core's configuration for these settings. */
    public HubConfig toHubConfig() {
        HubConfig.Builder builder = HubConfig.custom()
                .staleAfter(staleAfter)
                .maintenanceInterval(maintenanceInterval)
                .nodeLease(nodeLease)
                .gapWait(gapWait)
                .subscriptionLinger(subscriptionLinger)
                .abuseLimit(abuseLimit)
                .snapshotSize(snapshotSize)
                .maxSubscriptionsPerSession(maxSubscriptionsPerSession)
                .history(new HistoryConfig(history.maxSize, history.maxAge))
                .rateLimit(new RateLimitConfig(rateLimit.max, rateLimit.window))
                .batch(new BatchConfig(batch.channels.stream().map(ChannelPattern::parse).toList(),
                        batch.maxSize, batch.maxDelay, batch.bursts.stream().map(ChannelPattern::parse).toList()))
                .policy(acl.toPolicy());
        if (nodeId != null && !nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /** JSON Web Tokens on CONNECT. */
    public static class Jwt {
        /** HS256 secret, at least 32 bytes; required unless a JWK set is used. */
        private String secret;
        /** A lab identity provider's JWK set; when set, tokens are RS256-signed by it. */
        private String jwkSetUri;
        /** Required {@code iss} of tokens, when set. */
        private String issuer;
        /** The cookie that carries the token for browsers. */
        private String cookieName = "yujian_session";

        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public String getJwkSetUri() { return jwkSetUri; }
        public void setJwkSetUri(String jwkSetUri) { this.jwkSetUri = jwkSetUri; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public String getCookieName() { return cookieName; }
        public void setCookieName(String cookieName) { this.cookieName = cookieName; }
    }

    /** Client sends per user (the seed's RATE_LIMIT_MAX and RATE_LIMIT_WINDOW). */
    public static class RateLimit {
        /** Sends per window. */
        private int max = 100;
        /** The window; a plain number is milliseconds, as the seed's RATE_LIMIT_WINDOW. */
        private Duration window = Duration.ofSeconds(60);

        public int getMax() { return max; }
        public void setMax(int max) { this.max = max; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }
    }

    /** History kept per channel for recovery. */
    public static class History {
        /** Most messages per channel. */
        private int maxSize = 1000;
        /** Oldest message kept. */
        private Duration maxAge = Duration.ofMinutes(10);

        public int getMaxSize() { return maxSize; }
        public void setMaxSize(int maxSize) { this.maxSize = maxSize; }
        public Duration getMaxAge() { return maxAge; }
        public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
    }

    /** Channels sent as BATCH. */
    public static class Batch {
        /** Channel names or patterns ({@code collaboration.*}, {@code *}). */
        private List<String> channels = new ArrayList<>(List.of("metrics", "collaboration.*"));
        /** Flush at this many messages. */
        private int maxSize = 100;
        /** Flush when the oldest message is this old. */
        private Duration maxDelay = Duration.ofMillis(50);
        /**
         * Channels batched in bursts only: a message to a quiet channel goes out at once as DATA, those
         * that follow within {@code max-delay} as BATCH (a connect storm's joins cost a few frames each).
         */
        private List<String> bursts = new ArrayList<>(List.of("presence", "activity"));

        public List<String> getChannels() { return channels; }
        public void setChannels(List<String> channels) { this.channels = channels; }
        public int getMaxSize() { return maxSize; }
        public void setMaxSize(int maxSize) { this.maxSize = maxSize; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public List<String> getBursts() { return bursts; }
        public void setBursts(List<String> bursts) { this.bursts = bursts; }
    }

    /**
     * Channel access by role. Unset roles keep the seed's policy; a role listed here has its rule
     * replaced, for example {@code yujian.acl.subscribe.member=presence,metrics,announcements,activity}.
     */
    public static class Acl {
        /** Role to channel patterns it may subscribe to. */
        private Map<String, List<String>> subscribe = new LinkedHashMap<>();
        /** Role to channel patterns it may publish on. */
        private Map<String, List<String>> publish = new LinkedHashMap<>();

        ChannelPolicy toPolicy() {
            ChannelPolicy.Builder builder = ChannelPolicy.ofDefaults().toBuilder();
            subscribe.forEach(builder::replaceSubscribe);
            publish.forEach(builder::replacePublish);
            return builder.build();
        }

        public Map<String, List<String>> getSubscribe() { return subscribe; }
        public void setSubscribe(Map<String, List<String>> subscribe) { this.subscribe = subscribe; }
        public Map<String, List<String>> getPublish() { return publish; }
        public void setPublish(Map<String, List<String>> publish) { this.publish = publish; }
    }

    public String getNodeId() { return nodeId; }
    public void setNodeId(String nodeId) { this.nodeId = nodeId; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public List<String> getAllowedOrigins() { return allowedOrigins; }
    public void setAllowedOrigins(List<String> allowedOrigins) { this.allowedOrigins = allowedOrigins; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public int getMaxSubscriptionsPerSession() { return maxSubscriptionsPerSession; }
    public void setMaxSubscriptionsPerSession(int maxSubscriptionsPerSession) { this.maxSubscriptionsPerSession = maxSubscriptionsPerSession; }
    public Duration getHeartbeat() { return heartbeat; }
    public void setHeartbeat(Duration heartbeat) { this.heartbeat = heartbeat; }
    public Duration getStaleAfter() { return staleAfter; }
    public void setStaleAfter(Duration staleAfter) { this.staleAfter = staleAfter; }
    public Duration getMaintenanceInterval() { return maintenanceInterval; }
    public void setMaintenanceInterval(Duration maintenanceInterval) { this.maintenanceInterval = maintenanceInterval; }
    public Duration getNodeLease() { return nodeLease; }
    public void setNodeLease(Duration nodeLease) { this.nodeLease = nodeLease; }
    public Duration getGapWait() { return gapWait; }
    public void setGapWait(Duration gapWait) { this.gapWait = gapWait; }
    public Duration getSubscriptionLinger() { return subscriptionLinger; }
    public void setSubscriptionLinger(Duration subscriptionLinger) { this.subscriptionLinger = subscriptionLinger; }
    public int getAbuseLimit() { return abuseLimit; }
    public void setAbuseLimit(int abuseLimit) { this.abuseLimit = abuseLimit; }
    public int getSnapshotSize() { return snapshotSize; }
    public void setSnapshotSize(int snapshotSize) { this.snapshotSize = snapshotSize; }
    public DataSize getMessageSizeLimit() { return messageSizeLimit; }
    public void setMessageSizeLimit(DataSize messageSizeLimit) { this.messageSizeLimit = messageSizeLimit; }
    public DataSize getMessageBufferSize() { return messageBufferSize; }
    public void setMessageBufferSize(DataSize messageBufferSize) {
        this.messageBufferSize = between(messageBufferSize, DataSize.ofBytes(256), DataSize.ofMegabytes(1));
    }
    public DataSize getSocketBufferSize() { return socketBufferSize; }
    public void setSocketBufferSize(DataSize socketBufferSize) {
        this.socketBufferSize = between(socketBufferSize, DataSize.ofKilobytes(1), DataSize.ofKilobytes(64));
    }

    private static DataSize between(DataSize size, DataSize min, DataSize max) {
        if (size.compareTo(min) < 0 || size.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + size);
        }
        return size;
    }
    public boolean isPerMessageDeflate() { return perMessageDeflate; }
    public void setPerMessageDeflate(boolean perMessageDeflate) { this.perMessageDeflate = perMessageDeflate; }
    public Duration getSendTimeLimit() { return sendTimeLimit; }
    public void setSendTimeLimit(Duration sendTimeLimit) { this.sendTimeLimit = sendTimeLimit; }
    public DataSize getSendBufferSizeLimit() { return sendBufferSizeLimit; }
    public void setSendBufferSizeLimit(DataSize sendBufferSizeLimit) { this.sendBufferSizeLimit = sendBufferSizeLimit; }
    public Jwt getJwt() { return jwt; }
    public RateLimit getRateLimit() { return rateLimit; }
    public History getHistory() { return history; }
    public Batch getBatch() { return batch; }
    public Acl getAcl() { return acl; }
}
