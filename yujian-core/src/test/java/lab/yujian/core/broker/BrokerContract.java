package lab.yujian.core.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Broker} must have. An implementation joins by overriding
 * {@link #createBroker}; brokers created in one test are nodes of one cluster (they share their
 * history and fan-out), when the implementation has more than one node ({@link #clustered()}).
 */
public abstract class BrokerContract {

    private static final MessageCodec CODEC = MessageCodec.create();

    protected final MutableClock clock = MutableClock.atSeedDate();
    private final List<Broker> brokers = new ArrayList<>();

    /** A broker of node {@code nodeId}; brokers made in one test share their backend. */
    protected abstract Broker createBroker(String nodeId);

    /** Whether several nodes can share this broker. */
    protected abstract boolean clustered();

    /** What a node's broker handed to its handler. */
    protected static final class Received implements BrokerHandler {
        final List<Published> publications = new CopyOnWriteArrayList<>();
        final List<String> controls = new CopyOnWriteArrayList<>();

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
        }

        List<Long> sequencesOf(String channel) {
            return publications.stream().filter(p -> p.channel().equals(channel)).map(Published::sequence).sorted()
                    .distinct().toList();
        }

        /** Waits up to 5 s for {@code count} distinct sequences on the channel. */
        List<Long> await(String channel, int count) throws InterruptedException {
            for (int i = 0; i < 250 && sequencesOf(channel).size() < count; i++) {
                Thread.sleep(20);
            }
            return sequencesOf(channel);
        }

        void awaitControls(int count) throws InterruptedException {
            for (int i = 0; i < 250 && controls.size() < count; i++) {
                Thread.sleep(20);
            }
        }
    }

    private Received node(Broker broker) {
        Received received = new Received();
        broker.start(received);
        brokers.add(broker);
        return received;
    }

    private Publication publication(String channel, int n) {
        return new Publication(DataEncoding.prefix(CODEC, channel, Map.of("n", n), new Sender("u", "c"),
                clock.millis()), clock.millis());
    }

    @AfterEach
    void closeBrokers() {
        brokers.forEach(Broker::close);
    }

    @Test
    void aPublishIsStoredInHistoryAndDeliveredToTheNodeThatSubscribed() throws Exception {
        Broker broker = createBroker("b1");
        Received received = node(broker);
        broker.subscribe("activity");
        Published first = broker.publish("activity", publication("activity", 1));
        Published second = broker.publish("activity", publication("activity", 2));
        assertThat(List.of(first.sequence(), second.sequence())).containsExactly(1L, 2L);
        assertThat(broker.history().recover("activity", 0, null).messages()).extracting(Published::data)
                .containsExactly(first.data(), second.data());
        assertThat(received.await("activity", 2)).containsExactly(1L, 2L);
        assertThat(received.publications.get(0).data()).isEqualTo(first.data());
    }

    @Test
    void controlMessagesReachTheNodeNamedAndABroadcastReachesItToo() throws Exception {
        Broker broker = createBroker("b1");
        Received received = node(broker);
        broker.sendControl("b1", "to-me".getBytes(StandardCharsets.UTF_8));
        broker.sendControl("nobody", "lost".getBytes(StandardCharsets.UTF_8));
        broker.broadcastControl("to-all".getBytes(StandardCharsets.UTF_8));
        received.awaitControls(2);
        assertThat(received.controls).containsExactlyInAnyOrder("to-me", "to-all");
    }

    @Test
    void aPublicationOnOneNodeReachesEveryOtherNodeSubscribedToItsChannel() throws Exception {
        assumeTrue(clustered(), "a single-node broker has no other node");
        Broker one = createBroker("b1");
        Broker two = createBroker("b2");
        Broker three = createBroker("b3");
        node(one);
        Received onTwo = node(two);
        Received onThree = node(three);
        two.subscribe("metrics");
        for (int i = 1; i <= 20; i++) {
            (i % 2 == 0 ? one : three).publish("metrics", publication("metrics", i));
        }
        assertThat(onTwo.await("metrics", 20)).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(onThree.sequencesOf("metrics")).as("its own publishes, no fan-out copies")
                .containsOnly(LongStream.rangeClosed(1, 20).filter(n -> n % 2 == 1).boxed().toArray(Long[]::new));
    }

    @Test
    void theSessionsAPublishExcludesTravelWithItToTheOtherNodes() throws Exception {
        assumeTrue(clustered(), "a single-node broker has no other node");
        Broker one = createBroker("b1");
        Broker two = createBroker("b2");
        Received onOne = node(one);
        Received onTwo = node(two);
        one.subscribe("activity");
        two.subscribe("activity");
        Publication excluding = new Publication(publication("activity", 1).prefix(), clock.millis(),
                java.util.Set.of("ws_b1_tab1", "ws_b2_tab2"));
        one.publish("activity", excluding);
        one.publish("activity", publication("activity", 2));
        assertThat(onTwo.await("activity", 2)).containsExactly(1L, 2L);
        assertThat(onTwo.publications.get(0).excluded()).containsExactlyInAnyOrder("ws_b1_tab1", "ws_b2_tab2");
        assertThat(onTwo.publications.get(1).excluded()).isEmpty();
        assertThat(onOne.publications.get(0).excluded()).as("on the publishing node too")
                .containsExactlyInAnyOrder("ws_b1_tab1", "ws_b2_tab2");
        assertThat(one.history().recover("activity", 0, null).messages().get(0).excluded())
                .as("history keeps the message for everyone").isEmpty();
    }

    @Test
    void aControlMessageReachesTheOtherNodeNamedOnly() throws Exception {
        assumeTrue(clustered(), "a single-node broker has no other node");
        Broker one = createBroker("b1");
        Broker two = createBroker("b2");
        Received onOne = node(one);
        Received onTwo = node(two);
        one.sendControl("b2", "kick".getBytes(StandardCharsets.UTF_8));
        one.broadcastControl("list".getBytes(StandardCharsets.UTF_8));
        onTwo.awaitControls(2);
        onOne.awaitControls(1);
        assertThat(onTwo.controls).containsExactlyInAnyOrder("kick", "list");
        assertThat(onOne.controls).containsExactly("list");
    }
}
