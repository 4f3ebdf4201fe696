package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.payload.CollaborationPayload;
import lab.yujian.protocol.payload.CollaborationType;
import org.junit.jupiter.api.Test;

/** How a hub delivers: in sequence order, exactly once around a subscribe, and with no state left behind. */
class HubDeliveryTest extends HubTestSupport {

    @Test
    void concurrentPublishesReachEverySubscriberInSequenceOrderWithNoGapAndNoDuplicate() throws Exception {
        Hub hub = hub();
        Session watching = subscribed(hub, watcher, "activity");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    hub.publish(admin, Channel.ACTIVITY, activity("x"));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        transport.awaitBroadcasts("activity", 400);
        assertThat(dataTo(watching, "activity")).extracting(DataMessage::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
    }

    @Test
    void aMessagePublishedWhileSessionsSubscribeReachesEachExactlyOnceInInitialDataOrAfterIt() throws Exception {
        Hub hub = hub();
        int messages = 600;
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        Future<?> publishing = publisher.submit(() -> {
            for (int i = 1; i <= messages; i++) {
                hub.publish(admin, Channel.ACTIVITY, activity("m" + i));
            }
        });
        List<Session> sessions = new ArrayList<>();
        while (!publishing.isDone() && sessions.size() < 40) {
            sessions.add(subscribed(hub, admin, "activity"));
            Thread.onSpinWait();
        }
        publishing.get(30, TimeUnit.SECONDS);
        publisher.shutdown();
        for (Session session : sessions) {
            InitialDataMessage initial = transport.repliesTo(session.clientId(), InitialDataMessage.class).get(0);
            long from = initial.sequence() + 1;
            List<Long> after = dataTo(session, "activity").stream().map(DataMessage::sequence)
                    .filter(sequence -> sequence >= from).toList();
            assertThat(after).as("DATA after INITIAL_DATA at " + initial.sequence())
                    .containsExactlyElementsOf(LongStream.rangeClosed(from, messages).boxed().toList());
        }
        assertThat(sessions).hasSizeGreaterThan(1);
    }

    @Test
    void aHundredThousandChannelsTouchedOnceLeaveNoStateBehindAfterMaintenance() throws Exception {
        InMemoryHistoryStore history = new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock);
        Hub hub = hub(c -> c.batch(lab.yujian.core.batch.BatchConfig.custom().channels("metrics").build()),
                b -> b.history(history));
        Session grace = hub.connect(admin);
        touch(hub, grace, 0, 2_000); // warm up: classes, pools
        clock.advance(Duration.ofMinutes(11));
        settle(hub);
        long before = liveHeap();

        touch(hub, grace, 2_000, 100_000);
        assertThat(history.channelCount()).isGreaterThanOrEqualTo(98_000);
        clock.advance(Duration.ofMinutes(11));
        settle(hub);

        assertThat(history.channelCount()).isZero();
        assertThat(hub.registry().subscriberCounts()).isEmpty();
        assertThat(hub.registry().subscriptionCount(grace.clientId())).isZero();
        assertThat(liveHeap() - before).as("live heap growth in bytes").isLessThan(8L * 1024 * 1024);
    }

    private void touch(Hub hub, Session session, int from, int to) {
        for (int i = from; i < to; i++) {
            Channel channel = Channel.collaboration("doc-" + i);
            hub.subscribe(session.clientId(), channel.name());
            hub.publish(admin, channel, new CollaborationPayload(CollaborationType.EDIT, "doc-" + i, "grace",
                    codec.mapper().createObjectNode().put("i", i), clock.instant().toString()));
            hub.unsubscribe(session.clientId(), channel.name());
        }
        transport.clear();
    }

    /** Lets the streams linger out (1 ms in these tests), then runs maintenance. */
    private static void settle(Hub hub) throws InterruptedException {
        Thread.sleep(200);
        hub.runMaintenance();
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
