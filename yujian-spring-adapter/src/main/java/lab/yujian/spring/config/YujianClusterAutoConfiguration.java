package lab.yujian.spring.config;

import java.time.Clock;
import lab.yujian.core.HubConfig;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisPresenceStore;
import lab.yujian.core.redis.RedisPubSubFanout;
import lab.yujian.core.redis.RedisRateLimiter;
import lab.yujian.spring.config.YujianProperties.BrokerKind;
import lab.yujian.spring.rabbitmq.RabbitStompConfig;
import lab.yujian.spring.rabbitmq.RabbitStompFanout;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The cluster brokers ({@code yujian.broker=redis|rabbitmq}): Redis stores and a {@link ClusterBroker}
 * whose fan-out is Redis pub/sub or the RabbitMQ STOMP relay. It runs before the hub's configuration, so
 * that these beans replace the in-memory ones; an application's own bean of any of these types wins.
 * A service that does not answer at startup fails it with one {@link ServiceUnreachableException}.
 */
@AutoConfiguration(before = YujianHubAutoConfiguration.class)
@EnableConfigurationProperties(YujianProperties.class)
@Conditional(YujianClusterAutoConfiguration.OnClusterBroker.class)
public class YujianClusterAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(YujianClusterAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RedisConnector yujianRedisConnector(YujianProperties properties) {
        YujianProperties.Redis redis = properties.getRedis();
        try {
            return RedisConnector.connect(redis.getUrl(), redis.getPassword(), redis.getPrefix(), redis.getTimeout());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ServiceUnreachableException("Redis", redis.getUrl(), String.valueOf(root.getMessage()), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public HistoryStore yujianHistoryStore(RedisConnector redis, HubConfig config, Clock clock) {
        return new RedisHistoryStore(redis, config.history(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public PresenceStore yujianPresenceStore(RedisConnector redis, Clock clock) {
        return new RedisPresenceStore(redis, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public RateLimiter yujianRateLimiter(RedisConnector redis, HubConfig config, Clock clock) {
        return new RedisRateLimiter(redis, config.rateLimit(), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Fanout yujianFanout(YujianProperties properties, RedisConnector redis, HubConfig config) {
        if (properties.getNodeId() == null || properties.getNodeId().isBlank()) {
            LOG.info("yujian.node-id is not set; this node is " + config.nodeId());
        }
        return properties.getBroker() == BrokerKind.RABBITMQ ? rabbitStompFanout(properties, config.nodeId())
                : new RedisPubSubFanout(redis, config.nodeId());
    }

    private static RabbitStompFanout rabbitStompFanout(YujianProperties properties, String nodeId) {
        YujianProperties.Rabbitmq rabbitmq = properties.getRabbitmq();
        RabbitStompConfig config = new RabbitStompConfig(rabbitmq.getHost(), rabbitmq.getStompPort(),
                rabbitmq.getUser(), rabbitmq.getPassword(), rabbitmq.getVirtualHost(), properties.getRedis().getPrefix(),
                rabbitmq.getPrefetch(), rabbitmq.getHeartbeat(), rabbitmq.getConnectTimeout());
        RabbitStompFanout fanout = new RabbitStompFanout(config, nodeId);
        if (!fanout.awaitConnected(rabbitmq.getConnectTimeout())) {
            String reason = fanout.lastFailure();
            fanout.close();
            throw new ServiceUnreachableException("RabbitMQ STOMP", config.address() + " (virtual host "
                    + config.virtualHost() + ")", reason, null);
        }
        return fanout;
    }

    /** Not closed itself: closing it would only close the fan-out, which its own bean closes, once. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Broker yujianBroker(HistoryStore history, Fanout fanout) {
        return new ClusterBroker(history, fanout);
    }

    /** {@code yujian.broker} is redis or rabbitmq; a value that is neither fails the binding, and startup. */
    static final class OnClusterBroker extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            BrokerKind kind = Binder.get(context.getEnvironment()).bind("yujian.broker", BrokerKind.class)
                    .orElse(BrokerKind.MEMORY);
            return kind == BrokerKind.MEMORY ? ConditionOutcome.noMatch("yujian.broker is memory")
                    : ConditionOutcome.match("yujian.broker is " + kind.name().toLowerCase());
        }
    }
}
