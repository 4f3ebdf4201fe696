package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.registry.Connection;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.LoopbackNetwork;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.DataMessage;
import org.junit.jupiter.api.Test;

/**
 * Two hubs in one JVM sharing history and presence and joined by an in-process fan-out: cross-node
 * ordering, gap repair from history, and what one node asks of another.
 */
class HubClusterTest extends HubTestSupport {

    private final HistoryStore history = new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock);
    private final PresenceStore presence = new InMemoryPresenceStore(clock);
    private final LoopbackNetwork network = new LoopbackNetwork();

    private Hub node(String id) {
        return hub(c -> c.nodeId(id).gapWait(Duration.ofMillis(20)),
                b -> b.broker(new ClusterBroker(history, network.node(id))).presence(presence));
    }

    @Test
    void messagesThatCrossNodesOutOfOrderAreDeliveredInOrderOnce() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session onTwo = subscribed(two, watcher, "activity");
        network.hold(true);
        for (int i = 1; i <= 20; i++) {
            one.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        network.releaseReversed();
        assertThat(dataTo(onTwo, "activity")).extracting(DataMessage::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void aMessageTheWireLostIsReadFromHistoryByTheNodeItself() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session onTwo = subscribed(two, watcher, "activity");
        network.drop(p -> p.sequence() == 3 || p.sequence() == 4);
        for (int i = 1; i <= 6; i++) {
            one.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        transport.awaitBroadcasts("activity", 6);
        assertThat(dataTo(onTwo, "activity")).extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aNodeThatReconnectsReadsWhatItMissedWithoutSeeingAGap() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session onTwo = subscribed(two, watcher, "activity");
        network.connected("n2", false);
        for (int i = 1; i <= 5; i++) {
            one.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        assertThat(dataTo(onTwo, "activity")).isEmpty();
        network.connected("n2", true);
        transport.awaitBroadcasts("activity", 5);
        assertThat(dataTo(onTwo, "activity")).extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void bothNodesPublishingToOneChannelShareOneSequence() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session onOne = subscribed(one, watcher, "activity");
        Session onTwo = subscribed(two, watcher, "activity");
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? one : two).publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        transport.awaitBroadcasts("activity", 20);
        List<Long> expected = LongStream.rangeClosed(1, 10).boxed().toList();
        assertThat(dataTo(onOne, "activity")).extracting(DataMessage::sequence).containsExactlyElementsOf(expected);
        assertThat(dataTo(onTwo, "activity")).extracting(DataMessage::sequence).containsExactlyElementsOf(expected);
    }

    @Test
    void anAdminOnOneNodeListsAndClosesSessionsOfTheOther() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session local = one.connect(admin);
        Session remote = subscribed(two, member, "presence");
        List<Connection> all = one.connections();
        assertThat(all).extracting(Connection::clientId).containsExactlyInAnyOrder(local.clientId(), remote.clientId());
        assertThat(all).filteredOn(c -> c.clientId().equals(remote.clientId())).singleElement().satisfies(c -> {
            assertThat(c.node()).isEqualTo("n2");
            assertThat(c.channels()).containsExactly("presence");
        });

        assertThat(one.kick(remote.clientId(), CloseCode.POLICY_VIOLATION, "Disconnected by an admin")).isTrue();
        assertThat(two.registry().get(remote.clientId())).isEmpty();
        assertThat(transport.closes()).singleElement().satisfies(close -> {
            assertThat(close.clientId()).isEqualTo(remote.clientId());
            assertThat(close.code()).isEqualTo(CloseCode.POLICY_VIOLATION);
        });
        assertThat(presence.get("ada")).isEmpty();
    }

    @Test
    void aNoticeReachesTheUsersSessionsOnEveryNodeAndSaysItWasForwarded() {
        Hub one = node("n1");
        Hub two = node("n2");
        Session onOne = one.connect(member);
        Session onTwo = two.connect(member);
        Session other = two.connect(admin);

        NoticeResult result = one.notifyUser(member.userId(), admin, java.util.Map.of("text", "ready"));

        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.forwarded()).isTrue();
        assertThat(result.undelivered()).isFalse();
        for (Session session : List.of(onOne, onTwo)) {
            assertThat(transport.repliesTo(session.clientId(), lab.yujian.protocol.NoticeMessage.class))
                    .singleElement().satisfies(n -> assertThat(n.sequence()).isEqualTo(1));
        }
        assertThat(transport.repliesTo(other.clientId(), lab.yujian.protocol.NoticeMessage.class)).isEmpty();
    }

    @Test
    void aNoticeToAUserOnlyOnThisNodeIsNotForwarded() {
        Hub one = node("n1");
        node("n2");
        one.connect(member);
        NoticeResult result = one.notifyUser(member.userId(), admin, "hi");
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.forwarded()).isFalse();
        assertThat(one.notifyUser("nobody", admin, "hi").undelivered()).isTrue();
    }
}
