package lab.yujian.spring.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import lab.yujian.core.Hub;
import lab.yujian.core.HubConfig;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisPresenceStore;
import lab.yujian.core.redis.RedisRateLimiter;
import lab.yujian.core.redis.RedisTesting;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two core hubs joined by the relay, with Redis stores: what cluster mode is, short of Spring and browsers. */
class RabbitClusterHubIT {

    private final String prefix = RedisTesting.newPrefix().replace(':', '-');
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Identity admin = new Identity("grace", "admin", "Grace Hopper");

    private record Node(Hub hub, RecordingTransport transport) {
    }

    /** Long enough for rabbitmqctl, which takes a second or more on a loaded machine, to look inside it. */
    private static final Duration LINGER = Duration.ofSeconds(4);

    private Node node(String id) {
        RedisConnector redis = RedisTesting.connect(prefix);
        RabbitStompFanout fanout = RabbitTesting.connect(prefix, id);
        RecordingTransport transport = new RecordingTransport();
        Clock clock = Clock.systemUTC();
        Hub hub = Hub.builder(HubConfig.custom().nodeId(id).subscriptionLinger(LINGER)
                        .gapWait(Duration.ofMillis(30)).build())
                .transport(transport).clock(clock)
                .broker(new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(), clock), fanout))
                .presence(new RedisPresenceStore(redis, clock))
                .rateLimiter(new RedisRateLimiter(redis, RateLimitConfig.custom().limit(100_000).build(), clock))
                .build();
        open.add(redis);
        open.add(fanout);
        open.add(hub);
        return new Node(hub, transport);
    }

    @AfterEach
    void closeAll() throws Exception {
        try (RedisConnector cleaner = RedisTesting.connect(prefix)) {
            cleaner.deleteAll();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static ActivityPayload activity(String text) {
        return new ActivityPayload("a-" + text, ActivityType.ACTION, "grace", text, null, "2026-02-02T09:00:00Z");
    }

    private static List<Long> received(Node node, Session session, String channel) {
        List<Long> sequences = new ArrayList<>();
        for (ServerMessage message : node.transport.broadcastsTo(session.clientId(), channel)) {
            if (message instanceof DataMessage data) {
                sequences.add(data.sequence());
            } else if (message instanceof BatchMessage batch) {
                batch.messages().forEach(data -> sequences.add(data.sequence()));
            }
        }
        return sequences;
    }

    @Test
    void publishersOnBothNodesShareOneSequenceAndASubscriberGetsEveryMessageInOrderOnce() throws Exception {
        Node one = node("n1");
        Node two = node("n2");
        Session watcher = two.hub.connect(admin);
        two.hub.subscribe(watcher.clientId(), "activity");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> publishing = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Hub hub = t % 2 == 0 ? one.hub : two.hub;
            publishing.add(pool.submit(() -> {
                for (int i = 0; i < 125; i++) {
                    hub.publish(admin, Channel.ACTIVITY, activity("m" + i));
                }
            }));
        }
        for (Future<?> future : publishing) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int i = 0; i < 500 && received(two, watcher, "activity").size() < 500; i++) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // a duplicate would arrive about now
        assertThat(received(two, watcher, "activity"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
    }

    @Test
    void theChannelQueueOutlivesItsLastSessionByTheLingerThenGoes() throws Exception {
        Node one = node("n1");
        String key = prefix + ".c.activity";
        Session first = one.hub.connect(admin);
        one.hub.subscribe(first.clientId(), "activity");
        List<String> queue = RabbitTesting.queuesBoundTo(key);
        assertThat(queue).hasSize(1);

        one.hub.unsubscribe(first.clientId(), "activity");
        Session second = one.hub.connect(admin); // churn inside the linger: the same queue serves it
        one.hub.subscribe(second.clientId(), "activity");
        one.hub.unsubscribe(second.clientId(), "activity");
        Thread.sleep(300); // without a linger, the UNSUBSCRIBEs would have deleted it by now
        List<String> during = RabbitTesting.queuesBoundTo(key);
        long deadline = System.nanoTime() + LINGER.plusSeconds(10).toNanos();
        while (!RabbitTesting.queuesBoundTo(key).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(during).as("the first session's queue, still").isEqualTo(queue);
        assertThat(RabbitTesting.queuesBoundTo(key)).isEmpty();
    }
}
