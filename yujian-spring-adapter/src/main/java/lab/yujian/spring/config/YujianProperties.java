package lab.yujian.spring.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.core.ChannelKindConfig;
import lab.yujian.core.HubConfig;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelPattern;
import tools.jackson.databind.JsonNode;
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
    /**
     * Paths anyone may GET without a token when the application has no HTTP security of its own, such as
     * a service's page and its scripts ({@code /}, {@code /app.js}, {@code /lib/**}); every other request
     * needs a bearer JWT. Empty by default.
     */
    private List<String> publicPaths = new ArrayList<>();
    /**
     * Whether the endpoint gets a security filter chain of its own, with no filters, ahead of the
     * application's ({@link YujianEndpointSecurityAutoConfiguration}); with false, the application's own chain
     * must permit the endpoint.
     */
    private boolean endpointSecurityChain = true;
    /** A socket that has sent no CONNECT this long after the handshake is closed (1001); one whose CONNECT waits for its answer gets three times as long more. */
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
    /**
     * The kernel's send buffer of each connection (SO_SNDBUF; the kernel doubles it), instead of the kernel
     * growing it by itself to megabytes: a client that stops reading then stalls its writes within a
     * second or two, and the send time and buffer limits close it, instead of the kernel taking in tens of
     * seconds of its data first. What a session is behind waits in its bounded outbound queue. 0 keeps the
     * kernel's own sizing.
     */
    private DataSize socketSendBuffer = DataSize.ofKilobytes(64);
    /** Whether a client may negotiate permessage-deflate; it costs about 300 KB of native memory per session. */
    private boolean perMessageDeflate = false;
    /** Longest a send to one client may take before the session is closed as too slow (4500). */
    private Duration sendTimeLimit = Duration.ofSeconds(10);
    /** Most data waiting for one slow client before its session is closed (4500). */
    private DataSize sendBufferSizeLimit = DataSize.ofMegabytes(1);

    /** Which broker carries messages between nodes; see {@link BrokerKind}. */
    private BrokerKind broker = BrokerKind.MEMORY;

    private final Redis redis = new Redis();
    private final Rabbitmq rabbitmq = new Rabbitmq();
    private final Jwt jwt = new Jwt();
    private final RateLimit rateLimit = new RateLimit();
    private final History history = new History();
    private final Batch batch = new Batch();
    private final Acl acl = new Acl();
    /** A service's own channel kinds, by kind name ({@code yujian.channels.<name>.*}). */
    private final Map<String, ChannelKindProperties> channels = new LinkedHashMap<>();

    /** The core's configuration for these settings. */
    public HubConfig toHubConfig() {
        return toHubConfig(List.of());
    }

    /**
     * The core's configuration for these settings, with {@code declared} kinds beside those of
     * {@code yujian.channels.*}.
     */
    public HubConfig toHubConfig(List<ChannelKindConfig> declared) {
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
        channels.forEach((name, kind) -> builder.channelKind(kind.toConfig(name, history.maxSize, history.maxAge)));
        declared.forEach(builder::channelKind);
        if (nodeId != null && !nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /** The broker and stores a node uses ({@code yujian.broker}). */
    public enum BrokerKind {
        /** A single node: the in-memory broker and stores (the default; nothing to install). */
        MEMORY,
        /** Several nodes: Redis stores, and Redis pub/sub between nodes. */
        REDIS,
        /** Several nodes: Redis stores, and the RabbitMQ STOMP relay between nodes. */
        RABBITMQ
    }

    /** The Redis server of {@code yujian.broker=redis|rabbitmq}: history, presence and rate limits. */
    public static class Redis {
        /** The server's URI, {@code redis://} or {@code rediss://} (TLS). */
        private String url = "redis://127.0.0.1:6379";
        /** Its password; none when unset (or when the URL carries it). */
        private String password;
        /** The first part of every key; several deployments may share one server under different prefixes. */
        private String prefix = "yujian";
        /** How long one command may take, and a connect. */
        private Duration timeout = Duration.ofSeconds(2);

        public String getUrl() { return url; }
        public void setUrl(String url) {
            if (url == null || !url.matches("rediss?://.+")) {
                throw new IllegalArgumentException("must be a redis:// or rediss:// URI, was '" + url + "'");
            }
            this.url = url;
        }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPrefix() { return prefix; }
        public void setPrefix(String prefix) {
            if (prefix == null || !prefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
                throw new IllegalArgumentException("must be 1 to 64 letters, digits, '_', '.', ':' or '-', was '"
                        + prefix + "'");
            }
            this.prefix = prefix;
        }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = positive(timeout); }
    }

    /** RabbitMQ's STOMP plugin, the relay of {@code yujian.broker=rabbitmq}. */
    public static class Rabbitmq {
        /** The RabbitMQ host. */
        private String host = "127.0.0.1";
        /** Its STOMP port. */
        private int stompPort = 61613;
        /** The STOMP login. */
        private String user = "guest";
        /** Its password. */
        private String password = "guest";
        /** The virtual host, sent as STOMP {@code host}; RabbitMQ needs it. */
        private String virtualHost = "/";
        /** Most unacknowledged messages per broker subscription ({@code prefetch-count}). */
        private int prefetch = 512;
        /** The STOMP heart-beat offered both ways. */
        private Duration heartbeat = Duration.ofSeconds(10);
        /** How long a node waits for RabbitMQ at startup, for one TCP connect, and for the answer to CONNECT. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        public String getHost() { return host; }
        public void setHost(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
            this.host = host;
        }
        public int getStompPort() { return stompPort; }
        public void setStompPort(int stompPort) { this.stompPort = between(stompPort, 1, 65535); }
        public String getUser() { return user; }
        public void setUser(String user) { this.user = user; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getVirtualHost() { return virtualHost; }
        public void setVirtualHost(String virtualHost) {
            if (virtualHost == null || virtualHost.isEmpty()) {
                throw new IllegalArgumentException("must not be empty; RabbitMQ's default virtual host is \"/\"");
            }
            this.virtualHost = virtualHost;
        }
        public int getPrefetch() { return prefetch; }
        public void setPrefetch(int prefetch) { this.prefetch = between(prefetch, 1, 65535); }
        public Duration getHeartbeat() { return heartbeat; }
        public void setHeartbeat(Duration heartbeat) {
            if (heartbeat == null || heartbeat.toMillis() < 1000) {
                throw new IllegalArgumentException("must be at least 1s, was " + heartbeat);
            }
            this.heartbeat = heartbeat;
        }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = positive(connectTimeout); }
    }

    private static int between(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static Duration positive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be positive, was " + duration);
        }
        return duration;
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

    /**
     * One channel kind of a service's own ({@code yujian.channels.<name>.*}): the channel {@code <name>},
     * or with {@code ids=true} the channels {@code <name>.<id>}.
     */
    public static class ChannelKindProperties {
        /** Whether the kind has one channel per id, named {@code <name>.<id>}. */
        private boolean ids;
        /** The payload's record type; the default takes any JSON object. */
        private Class<?> payloadType = JsonNode.class;
        /** The roles that may subscribe ({@code *}: every role); unset, the ACL decides. */
        private List<String> readers;
        /** The roles that may publish; unset, the ACL decides. */
        private List<String> publishers;
        /** Whether only the server publishes (no role may); overrides {@code publishers}. */
        private boolean serverPublishes;
        /** Most messages kept per channel of the kind; unset, {@code yujian.history.max-size}. */
        private Integer historyMaxSize;
        /** Oldest message kept; unset, {@code yujian.history.max-age}. */
        private Duration historyMaxAge;

        /**
         * The core's declaration of this kind; a history bound left unset is the given default.
         *
         * @throws IllegalArgumentException naming {@code yujian.channels.<name>} and the problem
         */
        public ChannelKindConfig toConfig(String name, int defaultHistorySize, Duration defaultHistoryAge) {
            String prefix = "yujian.channels." + name;
            try {
                ChannelKind kind = ids ? ChannelKind.withIds(name, payloadType) : ChannelKind.named(name, payloadType);
                ChannelKindConfig.Builder builder = ChannelKindConfig.custom(kind);
                if (readers != null) {
                    builder.readers(readers);
                }
                if (serverPublishes) {
                    builder.serverPublishes();
                } else if (publishers != null) {
                    builder.publishers(publishers);
                }
                if (historyMaxSize != null || historyMaxAge != null) {
                    builder.history(historyMaxSize != null ? historyMaxSize : defaultHistorySize,
                            historyMaxAge != null ? historyMaxAge : defaultHistoryAge);
                }
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
            }
        }

        public boolean isIds() { return ids; }
        public void setIds(boolean ids) { this.ids = ids; }
        public Class<?> getPayloadType() { return payloadType; }
        public void setPayloadType(Class<?> payloadType) { this.payloadType = payloadType; }
        public List<String> getReaders() { return readers; }
        public void setReaders(List<String> readers) { this.readers = readers; }
        public List<String> getPublishers() { return publishers; }
        public void setPublishers(List<String> publishers) { this.publishers = publishers; }
        public boolean isServerPublishes() { return serverPublishes; }
        public void setServerPublishes(boolean serverPublishes) { this.serverPublishes = serverPublishes; }
        public Integer getHistoryMaxSize() { return historyMaxSize; }
        public void setHistoryMaxSize(Integer historyMaxSize) { this.historyMaxSize = historyMaxSize; }
        public Duration getHistoryMaxAge() { return historyMaxAge; }
        public void setHistoryMaxAge(Duration historyMaxAge) { this.historyMaxAge = historyMaxAge; }
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
    public boolean isEndpointSecurityChain() { return endpointSecurityChain; }
    public void setEndpointSecurityChain(boolean endpointSecurityChain) { this.endpointSecurityChain = endpointSecurityChain; }
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
    public DataSize getSocketSendBuffer() { return socketSendBuffer; }
    public void setSocketSendBuffer(DataSize socketSendBuffer) {
        this.socketSendBuffer = socketSendBuffer.toBytes() == 0 ? socketSendBuffer
                : between(socketSendBuffer, DataSize.ofKilobytes(8), DataSize.ofMegabytes(16));
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
    public BrokerKind getBroker() { return broker; }
    public void setBroker(BrokerKind broker) { this.broker = broker; }
    public Redis getRedis() { return redis; }
    public Rabbitmq getRabbitmq() { return rabbitmq; }
    public Jwt getJwt() { return jwt; }
    public RateLimit getRateLimit() { return rateLimit; }
    public History getHistory() { return history; }
    public Batch getBatch() { return batch; }
    public Acl getAcl() { return acl; }
    public Map<String, ChannelKindProperties> getChannels() { return channels; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
}
