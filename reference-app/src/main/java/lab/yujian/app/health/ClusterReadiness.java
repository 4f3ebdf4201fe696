package lab.yujian.app.health;

import java.time.Duration;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.spring.rabbitmq.RabbitStompFanout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Readiness of a cluster node probes its data path ({@code /health/ready}, group {@code ready} in
 * application-cluster.properties): {@code broker} publishes to this node's own RabbitMQ destination and
 * waits for it to come back, {@code redis} sends PING, and Spring's {@code db} runs a query. Each answer is
 * kept for {@link CachedProbe#FOR} so that frequent probes cost one round trip per second, and each probe
 * waits at most {@link #PROBE_TIMEOUT}: a failure shows within about 3 s, a recovery likewise.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
public class ClusterReadiness {

    /** Longest a probe waits for its answer. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    HealthIndicator brokerHealthIndicator(Fanout fanout) {
        return new CachedProbe(() -> {
            if (fanout instanceof RabbitStompFanout relay) {
                if (relay.roundTrip(PROBE_TIMEOUT)) {
                    return Health.up().withDetail("roundTrip", "ok").build();
                }
                return Health.down().withDetail("roundTrip", "no answer within " + PROBE_TIMEOUT)
                        .withDetail("lastFailure", String.valueOf(relay.lastFailure())).build();
            }
            return fanout.connected() ? Health.up().build() : Health.down().withDetail("connected", false).build();
        });
    }

    @Bean
    HealthIndicator redisHealthIndicator(RedisConnector redis) {
        return new CachedProbe(() -> {
            redis.ping();
            return Health.up().build();
        });
    }
}
