package lab.yujian.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import lab.yujian.core.Hub;
import lab.yujian.core.HubConfig;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.DroppingFanout;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.core.testing.TcpProxy;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hubs in one JVM sharing one real Redis for history, presence and rate limits, joined by the Redis
 * pub/sub fan-out: what cluster mode needs of the core, proven before any RabbitMQ code.
 */
class RedisClusterHubIT {

    private final String prefix = RedisTesting.newPrefix();
    private final MessageCodec codec = MessageCodec.create();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Identity admin = new Identity("grace", "admin", "Grace Hopper");

    private record Node(Hub hub, RecordingTransport transport, RedisConnector redis) {
    }

    private Node node(String id, UnaryOperator<Fanout> fanout, int redisPort) {
        RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:" + redisPort, null, prefix,
                Duration.ofSeconds(1));
        RecordingTransport transport = new RecordingTransport();
        Clock clock = Clock.systemUTC();
        Hub hub = Hub.builder(HubConfig.custom().nodeId(id).nodeLease(Duration.ofSeconds(1))
                        .gapWait(Duration.ofMillis(30)).build())
                .transport(transport).clock(clock)
                .broker(new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(), clock),
                        fanout.apply(new RedisPubSubFanout(redis, id))))
                .presence(new RedisPresenceStore(redis, clock))
                .rateLimiter(new RedisRateLimiter(redis, lab.yujian.core.ratelimit.RateLimitConfig.custom()
                        .limit(100_000).build(), clock))
                .build();
        open.add(hub);
        open.add(redis);
        return new Node(hub, transport, redis);
    }

    private Node node(String id) {
        return node(id, UnaryOperator.identity(), 6379);
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

    private ActivityPayload activity(String text) {
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

    private static List<Long> awaitReceived(Node node, Session session, String channel, int count)
            throws InterruptedException {
        for (int i = 0; i < 500 && received(node, session, channel).size() < count; i++) {
            Thread.sleep(20);
        }
        return received(node, session, channel);
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
        assertThat(awaitReceived(two, watcher, "activity", 500))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
    }

    @Test
    void messagesThePubSubLostAreReadFromRedisHistoryByTheNodeItself() throws Exception {
        Node one = node("n1");
        Node two = node("n2", fanout -> new DroppingFanout(fanout, p -> p.sequence() % 7 == 3), 6379);
        Session watcher = two.hub.connect(admin);
        two.hub.subscribe(watcher.clientId(), "activity");
        for (int i = 0; i < 40; i++) {
            one.hub.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        assertThat(awaitReceived(two, watcher, "activity", 40))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void whenANodeDiesTheOtherBroadcastsItsUsersOfflineOnceWithinTheLease() throws Exception {
        Node dying = node("n1");
        Node survivor = node("n2");
        Session watcher = survivor.hub.connect(admin);
        survivor.hub.subscribe(watcher.clientId(), "presence");
        dying.hub.connect(new Identity("ada", "member", "Ada"));
        dying.hub.close(); // no leave, no more heartbeats: as kill -9 would leave it
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (survivor.hub.presence().get("ada").isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(survivor.hub.presence().get("ada")).isEmpty();
        Thread.sleep(800); // more heartbeats on the survivor: still one LEAVE
        List<String> ada = survivor.transport.broadcastsTo(watcher.clientId(), "presence").stream()
                .map(m -> ((DataMessage) m).payload()).filter(p -> p.get("userId").asString().equals("ada"))
                .map(p -> p.get("status").asString()).toList();
        assertThat(ada).containsExactly("online", "offline");
    }

    @Test
    void whileRedisIsUnreachableAPublishIsRefusedAsTemporaryAndTheStoresReconnectByThemselves() throws Exception {
        try (TcpProxy proxy = new TcpProxy(6379)) {
            Node node = node("n1", UnaryOperator.identity(), proxy.port());
            Session grace = node.hub.connect(admin);
            byte[] body = codec.encode(new PublishMessage("activity", codec.toTree(activity("x"))));
            assertThat(node.hub.receive(grace.clientId(), PublishMessage.class, body)).isTrue();
            proxy.cut();
            assertThat(node.hub.receive(grace.clientId(), PublishMessage.class, body)).isFalse();
            ErrorMessage error = node.transport.repliesTo(grace.clientId(), ErrorMessage.class).get(0);
            assertThat(error.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(error.code().temporary()).isTrue();
            proxy.heal();
            boolean published = false;
            for (int i = 0; i < 100 && !published; i++) {
                Thread.sleep(100);
                published = node.hub.receive(grace.clientId(), PublishMessage.class, body);
            }
            assertThat(published).as("published again once Redis is back").isTrue();
            assertThat(node.hub.history().position("activity").sequence()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aSyncAcrossLostRedisHistoryIsRefusedAsAnEpochChangeThenGetsFreshInitialData() {
        Node node = node("n1");
        Session grace = node.hub.connect(admin);
        node.hub.publish(admin, Channel.ACTIVITY, activity("before"));
        String epoch = node.hub.history().position("activity").epoch();
        node.redis.deleteAll(); // a flush: the stream and its epoch are gone
        node.hub.publish(admin, Channel.ACTIVITY, activity("after"));
        node.hub.receive(grace.clientId(), SyncRequestMessage.class,
                codec.encode(new SyncRequestMessage("activity", 1L, epoch)));
        List<ServerMessage> replies = node.transport.repliesTo(grace.clientId());
        SyncResponseMessage sync = (SyncResponseMessage) replies.get(replies.size() - 2);
        assertThat(sync.recovered()).isFalse();
        assertThat(sync.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
        assertThat(sync.epoch()).isNotEqualTo(epoch);
        assertThat(replies.get(replies.size() - 1)).isInstanceOfSatisfying(InitialDataMessage.class,
                initial -> assertThat(initial.payload().get(0).get("message").asString()).isEqualTo("after"));
    }
}
