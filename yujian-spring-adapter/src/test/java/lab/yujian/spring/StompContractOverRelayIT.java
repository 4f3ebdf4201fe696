package lab.yujian.spring;

import java.time.Duration;
import java.util.UUID;
import lab.yujian.core.redis.RedisConnector;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole protocol contract of {@link StompContractTests} again, with the node in cluster mode: Redis
 * history, presence and rate limits, and the RabbitMQ relay under the channels (the machine's real
 * services on loopback, under a key prefix of this run's own, deleted afterwards).
 */
class StompContractOverRelayIT extends StompContractTests {

    private static final String PREFIX = "contract-relay-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void clusterBrokers(DynamicPropertyRegistry registry) {
        registry.add("yujian.broker", () -> "rabbitmq");
        registry.add("yujian.redis.url", () -> "redis://127.0.0.1:6379");
        registry.add("yujian.redis.prefix", () -> PREFIX);
        registry.add("yujian.rabbitmq.host", () -> "127.0.0.1");
    }

    @AfterAll
    static void deleteThisRunsKeys() {
        try (RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:6379", null, PREFIX, Duration.ofSeconds(2))) {
            redis.deleteAll();
        }
    }
}
