package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.Hub;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.broker.InMemoryBroker;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisPresenceStore;
import lab.yujian.core.redis.RedisPubSubFanout;
import lab.yujian.core.redis.RedisRateLimiter;
import lab.yujian.core.redis.RedisTesting;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.spring.config.ServiceUnreachableException;
import lab.yujian.spring.config.ServiceUnreachableFailureAnalyzer;
import lab.yujian.spring.config.YujianClusterAutoConfiguration;
import lab.yujian.spring.config.YujianHubAutoConfiguration;
import lab.yujian.spring.rabbitmq.RabbitStompFanout;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code yujian.broker} picks the broker and stores; the cluster ones connect to the real Redis and RabbitMQ. */
class YujianClusterAutoConfigurationIT {

    private final String prefix = RedisTesting.newPrefix().replace(':', '-');
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YujianClusterAutoConfiguration.class,
                    YujianHubAutoConfiguration.class))
            .withBean(SessionTransport.class, RecordingTransport::new)
            .withPropertyValues("yujian.jwt.secret=" + TestTokens.SECRET, "yujian.redis.prefix=" + prefix);

    @AfterEach
    void deleteKeys() {
        try (RedisConnector redis = RedisTesting.connect(prefix)) {
            redis.deleteAll();
        }
    }

    @Test
    void theDefaultIsTheInMemoryBrokerWithoutRedis() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Hub.class);
            assertThat(context).getBean(Broker.class).isInstanceOf(InMemoryBroker.class);
            assertThat(context).doesNotHaveBean(Fanout.class).doesNotHaveBean(RedisConnector.class);
        });
    }

    @Test
    void redisGivesRedisStoresAndAClusterBrokerOverPubSub() {
        runner.withPropertyValues("yujian.broker=redis", "yujian.node-id=node-a").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Hub.class);
            assertThat(context).getBean(HistoryStore.class).isInstanceOf(RedisHistoryStore.class);
            assertThat(context).getBean(PresenceStore.class).isInstanceOf(RedisPresenceStore.class);
            assertThat(context).getBean(RateLimiter.class).isInstanceOf(RedisRateLimiter.class);
            assertThat(context).getBean(Fanout.class).isInstanceOf(RedisPubSubFanout.class);
            assertThat(context).getBean(Broker.class).isInstanceOf(ClusterBroker.class);
            assertThat(context.getBean(Broker.class).connected()).isTrue();
        });
    }

    @Test
    void rabbitmqGivesTheStompRelayAsTheFanout() {
        runner.withPropertyValues("yujian.broker=rabbitmq", "yujian.rabbitmq.prefetch=64").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Hub.class);
            assertThat(context).getBean(HistoryStore.class).isInstanceOf(RedisHistoryStore.class);
            assertThat(context).getBean(Broker.class).isInstanceOf(ClusterBroker.class);
            RabbitStompFanout fanout = context.getBean(RabbitStompFanout.class);
            assertThat(fanout.connected()).isTrue();
            assertThat(fanout.roundTrip(Duration.ofSeconds(2))).isTrue();
        });
    }

    @Test
    void badValuesAreRefusedAtStartupNamingTheSetting() {
        runner.withPropertyValues("yujian.broker=kafka").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("yujian.broker"));
        runner.withPropertyValues("yujian.broker=rabbitmq", "yujian.rabbitmq.prefetch=0").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("yujian.rabbitmq")
                        .hasStackTraceContaining("prefetch")
                        .hasStackTraceContaining("must be between 1 and 65535, was 0"));
        runner.withPropertyValues("yujian.broker=redis", "yujian.redis.url=http://127.0.0.1:6379").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("yujian.redis")
                        .hasStackTraceContaining("must be a redis:// or rediss:// URI"));
        runner.withPropertyValues("yujian.broker=redis", "yujian.redis.prefix=a b").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("yujian.redis")
                        .hasStackTraceContaining("prefix"));
    }

    @Test
    void anUnreachableRedisFailsStartupWithOneLineNamingIt() {
        runner.withPropertyValues("yujian.broker=redis", "yujian.redis.url=redis://127.0.0.1:6380",
                "yujian.redis.timeout=1s").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ServiceUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("Redis at redis://127.0.0.1:6380 is not reachable: ")
                            .doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("yujian.redis.*");
                });
    }

    @Test
    void anUnreachableRabbitMqFailsStartupWithOneLineNamingIt() {
        runner.withPropertyValues("yujian.broker=rabbitmq", "yujian.rabbitmq.stomp-port=61614",
                "yujian.rabbitmq.connect-timeout=1s").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(ServiceUnreachableException.class);
                    FailureAnalysis analysis = new ServiceUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("RabbitMQ STOMP at 127.0.0.1:61614 (virtual host /) is not reachable: ")
                            .doesNotContain("\n");
                });
    }

    @Test
    void aRefusedLoginFailsStartupWithRabbitMqsOwnError() {
        runner.withPropertyValues("yujian.broker=rabbitmq", "yujian.rabbitmq.password=wrong",
                "yujian.rabbitmq.connect-timeout=2s").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ServiceUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("RabbitMQ STOMP at 127.0.0.1:61613 (virtual host /) is not reachable: ERROR ");
                });
    }

    @Test
    void aPortThatIsNotStompFailsStartupWhenNoConnectedFrameComes() {
        runner.withPropertyValues("yujian.broker=rabbitmq", "yujian.rabbitmq.stomp-port=6379", // Redis
                "yujian.rabbitmq.connect-timeout=1s").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ServiceUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("RabbitMQ STOMP at 127.0.0.1:6379 (virtual host /)"
                            + " is not reachable: ");
                });
    }
}
