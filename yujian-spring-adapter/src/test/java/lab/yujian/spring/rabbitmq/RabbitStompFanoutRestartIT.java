package lab.yujian.spring.rabbitmq;

import static lab.yujian.spring.rabbitmq.RabbitTesting.await;
import static lab.yujian.spring.rabbitmq.RabbitTesting.publication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.Published;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisTesting;
import org.junit.jupiter.api.Test;

/**
 * The one fault test: RabbitMQ's application is stopped and started again ({@code rabbitmqctl stop_app},
 * {@code start_app}); it is always started again, and the test waits for its STOMP port.
 */
class RabbitStompFanoutRestartIT {

    static final class Recorder implements BrokerHandler {
        final CopyOnWriteArrayList<Published> publications = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnects = new AtomicInteger();

        @Override
        public void publication(Published publication) {
            publications.add(publication);
        }

        @Override
        public void control(byte[] message) {
        }

        @Override
        public void reconnected() {
            reconnects.incrementAndGet();
        }
    }

    @Test
    void afterRabbitMqRestartsBothNodesReconnectResubscribeAndTellTheHubAndMessagesFlowAgain() throws Exception {
        String prefix = RedisTesting.newPrefix().replace(':', '-');
        RedisConnector redis = RedisTesting.connect(prefix);
        Recorder onOne = new Recorder();
        RabbitStompFanout fanout = RabbitTesting.connect(prefix, "n1");
        ClusterBroker one = broker(redis, fanout, onOne);
        ClusterBroker two = broker(redis, RabbitTesting.connect(prefix, "n2"), new Recorder());
        try {
            one.subscribe("activity");
            two.publish("activity", publication("activity", 1));
            await(Duration.ofSeconds(5), () -> onOne.publications.size() == 1);
            assertThat(onOne.publications).hasSize(1);

            long reconnectMillis;
            try {
                RabbitTesting.rabbitmqctl("stop_app");
                await(Duration.ofSeconds(10), () -> !one.connected() && !two.connected());
                assertThat(one.connected()).isFalse();
                two.publish("activity", publication("activity", 2)); // stored; the fan-out drops it, no throw
            } finally {
                RabbitTesting.rabbitmqctl("start_app");
                RabbitTesting.awaitStompPort(Duration.ofSeconds(60));
            }
            long started = System.nanoTime();
            await(Duration.ofSeconds(30), () -> one.connected() && two.connected() && onOne.reconnects.get() == 1);
            reconnectMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("[measured] both nodes reconnected " + reconnectMillis + " ms after the STOMP port opened");
            assertThat(onOne.reconnects).hasValue(1);
            assertThat(one.connected()).isTrue();
            assertThat(fanout.roundTrip(Duration.ofSeconds(2))).isTrue();

            two.publish("activity", publication("activity", 3));
            await(Duration.ofSeconds(5), () -> onOne.publications.size() == 2);
            assertThat(onOne.publications).extracting(Published::sequence).containsExactly(1L, 3L);
            assertThat(one.history().recover("activity", 1, null).messages()).extracting(Published::sequence)
                    .containsExactly(2L, 3L); // what the hub reads after reconnected()
        } finally {
            one.close();
            two.close();
            redis.deleteAll();
            redis.close();
        }
    }

    private static ClusterBroker broker(RedisConnector redis, RabbitStompFanout fanout, BrokerHandler handler) {
        ClusterBroker broker = new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(),
                java.time.Clock.systemUTC()), fanout);
        broker.start(handler);
        return broker;
    }
}
