package lab.yujian.spring.rabbitmq;

import static lab.yujian.spring.rabbitmq.RabbitTesting.await;
import static lab.yujian.spring.rabbitmq.RabbitTesting.publication;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.Published;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against the real RabbitMQ STOMP plugin, with Redis history behind it as in a cluster. */
class RabbitStompFanoutIT {

    private final String prefix = RedisTesting.newPrefix().replace(':', '-');
    private final RedisConnector redis = RedisTesting.connect(prefix);
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** What one node's broker handed to its hub. */
    static final class Node implements BrokerHandler {
        final List<Published> publications = new CopyOnWriteArrayList<>();
        final List<String> controls = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnects = new AtomicInteger();
        ClusterBroker broker;
        RabbitStompFanout fanout;

        @Override
        public void publication(Published publication) {
            publications.add(publication);
        }

        @Override
        public void control(byte[] message) {
            controls.add(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void reconnected() {
            reconnects.incrementAndGet();
        }

        Set<Long> sequences(String channel) {
            return publications.stream().filter(p -> p.channel().equals(channel)).map(Published::sequence)
                    .collect(Collectors.toSet());
        }
    }

    private Node node(String nodeId) {
        Node node = new Node();
        node.fanout = RabbitTesting.connect(prefix, nodeId);
        node.broker = new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(), java.time.Clock.systemUTC()),
                node.fanout);
        node.broker.start(node);
        closing.add(node.broker);
        return node;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
        redis.deleteAll();
        redis.close();
    }

    @Test
    void publicationsFromTwoNodesAtOnceReachAThirdExactlyOnceWithTheirStoredBytesAndTimestamp() throws Exception {
        String channel = "collaboration.doc/1 *#~%"; // '/', '*', '#', '~' and '%' are encoded in the routing key
        Node one = node("n1");
        Node two = node("n2");
        Node three = node("n3");
        for (Node node : List.of(one, two, three)) {
            node.broker.subscribe(channel);
        }
        CompletableFuture<?>[] publishers = List.of(one, one, two, two).stream() // two threads per node
                .map(node -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 125; i++) {
                        node.broker.publish(channel, publication(channel, i));
                    }
                })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(publishers).join();

        await(Duration.ofSeconds(20), () -> three.publications.size() >= 500 && one.sequences(channel).size() == 500
                && two.sequences(channel).size() == 500);
        assertThat(three.publications).hasSize(500);
        assertThat(three.sequences(channel)).hasSize(500).allMatch(s -> s >= 1 && s <= 500);
        assertThat(one.sequences(channel)).hasSize(500);
        assertThat(two.sequences(channel)).hasSize(500);
        Published stored = one.broker.history().recover(channel, 0, null).messages().get(41);
        Published relayed = three.publications.stream().filter(p -> p.sequence() == stored.sequence()).findFirst()
                .orElseThrow();
        assertThat(relayed.data()).isEqualTo(stored.data());
        assertThat(relayed.timestamp()).isEqualTo(stored.timestamp());
        assertThat(relayed.epoch()).isEqualTo(stored.epoch());
    }

    @Test
    void eachNodeHoldsExactlyTwoStompConnections() throws Exception {
        Set<Integer> before = StompSockets.ofThisProcess();
        Node one = node("n1");
        one.broker.subscribe("metrics");
        one.broker.subscribe("activity");
        Set<Integer> afterOne = StompSockets.ofThisProcess();
        node("n2").broker.subscribe("metrics");
        Set<Integer> afterTwo = StompSockets.ofThisProcess();

        assertThat(afterOne.size() - before.size()).isEqualTo(2);
        assertThat(afterTwo.size() - before.size()).isEqualTo(4);
        assertThat(StompSockets.seenByRabbitMq()).containsAll(afterTwo);
    }

    @Test
    void theChannelQueueIsDeletedWhenTheLastSubscriptionGoesAndControlMessagesStillFlow() throws Exception {
        Node one = node("n1");
        String key = prefix + ".c.metrics";
        one.broker.subscribe("metrics");
        assertThat(RabbitTesting.queuesBoundTo(key)).hasSize(1);

        one.broker.unsubscribe("metrics");
        await(Duration.ofSeconds(5), () -> RabbitTesting.queuesBoundTo(key).isEmpty());
        assertThat(RabbitTesting.queuesBoundTo(key)).isEmpty();
        assertThat(one.fanout.connected()).isTrue();
        assertThat(one.fanout.roundTrip(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aChannelThatDoesNotFitARoutingKeyIsRefusedAndTheConnectionStaysUp() throws Exception {
        Node one = node("n1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.broker.subscribe("x".repeat(300)))
                .isInstanceOf(IllegalArgumentException.class);
        one.broker.publish("x".repeat(300), publication("x".repeat(300), 1)); // stored, not fanned out, no throw
        assertThat(one.fanout.connected()).isTrue();
        assertThat(one.fanout.roundTrip(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void heartBeatsKeepAnIdleNodeOnTheSameTwoConnections() throws Exception {
        RabbitStompConfig local = RabbitStompConfig.localhost(prefix);
        Set<Integer> before = StompSockets.ofThisProcess();
        RabbitStompFanout fanout = new RabbitStompFanout(new RabbitStompConfig(local.host(), local.port(), local.login(),
                local.passcode(), local.virtualHost(), prefix, 16, Duration.ofSeconds(1), Duration.ofSeconds(2)), "idle");
        closing.add(fanout);
        assertThat(fanout.awaitConnected(Duration.ofSeconds(5))).isTrue();
        Set<Integer> ports = StompSockets.ofThisProcess();
        ports.removeAll(before);
        Thread.sleep(5_000); // five heart-beat periods without a message either way
        assertThat(fanout.connected()).isTrue();
        assertThat(StompSockets.ofThisProcess()).containsAll(ports);
        assertThat(fanout.roundTrip(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void controlMessagesReachTheirNodeAndBroadcastsReachEveryNode() throws Exception {
        Node one = node("n1");
        Node two = node("n.2/x"); // a node id that needs encoding
        one.broker.sendControl("n.2/x", "to-two".getBytes(StandardCharsets.UTF_8));
        two.broker.broadcastControl("to-all".getBytes(StandardCharsets.UTF_8));
        await(Duration.ofSeconds(5), () -> one.controls.size() >= 1 && two.controls.size() >= 2);
        assertThat(one.controls).containsExactly("to-all");
        assertThat(two.controls).containsExactlyInAnyOrder("to-two", "to-all");
        assertThat(two.fanout.roundTrip(Duration.ofSeconds(2))).isTrue();
        assertThat(two.controls).hasSize(2); // the probe is not a control message
    }
}
