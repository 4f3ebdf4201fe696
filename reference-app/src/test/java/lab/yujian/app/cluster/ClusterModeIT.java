package lab.yujian.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.yujian.app.testing.Http;
import lab.yujian.app.testing.PostgresSchema;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Three cluster-mode nodes as separate processes (the packaged jar with {@code YUJIAN_MODE=cluster}) over
 * the machine's real RabbitMQ (STOMP plugin), a Redis of the test's own (so that it can be killed) and a
 * PostgreSQL schema of its own, with the shipped nginx.conf in front where a test says so. Each test uses a
 * fresh {@code collaboration.<id>} channel; a publisher sends PUBLISH with a receipt and a marker {@code n}
 * in its data, and every reader must end with every acknowledged marker exactly once. Faults come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static NodeCluster cluster;
    private static RedisServer redis;
    private static PostgresSchema schema;

    private Nginx nginx;
    private final List<StompTestClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println(context.getDisplayName() + " failed; node, redis and nginx logs are in "
                    + (cluster == null ? "target/cluster-it" : cluster.logDir()));
        }
    };

    @BeforeAll
    static void startThreeClusterNodes() throws IOException {
        Rabbit.ensureStompPlugin();
        java.nio.file.Path logs = HarnessPaths.newRunDir("cluster-services");
        redis = RedisServer.start(logs);
        schema = PostgresSchema.named("cluster");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("YUJIAN_MODE", "cluster");
        env.put("JWT_SECRET", TestTokens.SECRET);
        env.put("ADMIN_PASSWORD", "cluster-it-admin-password");
        env.put("RABBITMQ_HOST", "127.0.0.1");
        env.put("RABBITMQ_STOMP_PORT", "61613");
        env.put("RABBITMQ_USER", "guest");
        env.put("RABBITMQ_PASSWORD", "guest");
        env.put("RABBITMQ_VHOST", "/");
        env.put("REDIS_URL", redis.url());
        env.put("DATABASE_URL", schema.url());
        env.put("DATABASE_USER", PostgresSchema.USER);
        env.put("DATABASE_PASSWORD", "");
        env.put("RATE_LIMIT_MAX", "1000000"); // the publishers here are faster than a person
        env.put("YUJIAN_ABUSE_LIMIT", "1000000");
        env.put("YUJIAN_SHUTDOWN_DRAIN_WINDOW", "2s"); // the rolling restart's spread, kept short
        cluster = NodeCluster.builder("cluster-mode").env(env).node("node-a").node("node-b").node("node-c").start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void everyNodeRunning() {
        cluster.ensureRunning();
    }

    @AfterEach
    void closeClientsAndNginx() {
        clients.forEach(StompTestClient::close);
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    @Order(1)
    void everyNodeIsReadyWithTwoBrokerConnectionsEachNotOnePerSession() {
        List<Reader> readers = new ArrayList<>();
        String channel = freshChannel();
        for (int i = 0; i < 30; i++) {
            readers.add(reader(cluster.nodes().get(i % 3), channel, "conn-" + i));
        }
        for (AppNode node : cluster.nodes()) {
            Http.Response ready = Http.anonymous(node.port()).get("/health/ready");
            assertThat(ready.status()).as("%s: %s", node.nodeId(), ready.body()).isEqualTo(200);
        }
        for (AppNode node : cluster.nodes()) {
            assertThat(Rabbit.stompConnectionsOf(node.pid())).as("RabbitMQ STOMP connections of %s, which holds 10 sessions",
                    node.nodeId()).isEqualTo(2);
        }
        assertThat(readers).allSatisfy(r -> assertThat(r.stomp.isClosed()).isFalse());
    }

    @Test
    @Order(2)
    void aSubscriberOnOneNodeGetsFiveHundredMessagesFromTwoOtherNodesInOrderExactlyOnce() throws Exception {
        String channel = freshChannel();
        Reader reader = reader(cluster.node("node-b"), channel, "cross-reader");
        Publisher fromA = publisher(cluster.node("node-a"), channel, "cross-a", 0);
        Publisher fromC = publisher(cluster.node("node-c"), channel, "cross-c", 1_000_000);

        Thread a = started(() -> fromA.publish(250, 0));
        Thread c = started(() -> fromC.publish(250, 0));
        a.join();
        c.join();
        Set<Long> acked = new HashSet<>(fromA.awaitAcknowledged());
        acked.addAll(fromC.awaitAcknowledged());
        assertThat(acked).hasSize(500);

        reader.awaitMarkers(acked, SETTLE);
        List<Long> sequences = reader.liveSequences();
        assertThat(sequences).as("in sequence order, no gap, no duplicate").hasSize(500);
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("sequence after %s", sequences.get(i - 1)).isEqualTo(sequences.get(i - 1) + 1);
        }
    }

    @Test
    @Order(3)
    void aRedisHistoryFlushAnswersSyncWithEpochChangedAndPresenceWithAFreshInitialData() {
        String channel = freshChannel();
        Publisher publisher = publisher(cluster.node("node-a"), channel, "epoch-pub", 0);
        publisher.publish(5, 0);
        publisher.awaitAcknowledged();
        Set<Long> before = publisher.awaitAcknowledged();
        Reader reader = reader(cluster.node("node-b"), channel, "epoch-reader");
        publisher.publish(3, 0);
        Set<Long> after = new HashSet<>(publisher.awaitAcknowledged());
        after.removeAll(before);
        reader.awaitMarkers(after, SETTLE);
        DataMessage last = reader.last();
        StompTestClient watcher = open(cluster.node("node-b").ws(), "epoch-watcher");
        watcher.subscribe("/topic/presence", "p");
        InitialDataMessage presence = watcher.awaitReply(InitialDataMessage.class);

        redis.flushAll();

        // A collaboration channel has no INITIAL_DATA: the client adopts the new epoch and position
        StompTestClient again = open(cluster.node("node-c").ws(), "epoch-reader");
        again.subscribe("/topic/" + channel, "c");
        again.send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"" + channel + "\",\"lastSequence\":"
                + last.sequence() + ",\"epoch\":\"" + last.epoch() + "\"}");
        SyncResponseMessage sync = again.awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isFalse();
        assertThat(sync.reason()).hasToString("EPOCH_CHANGED");
        assertThat(sync.epoch()).isNotEqualTo(last.epoch());
        // presence is replaced by a fresh INITIAL_DATA of the new epoch
        watcher.send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"presence\",\"lastSequence\":"
                + presence.sequence() + ",\"epoch\":\"" + presence.epoch() + "\"}");
        SyncResponseMessage presenceSync = watcher.awaitReply(SyncResponseMessage.class);
        assertThat(presenceSync.recovered()).isFalse();
        assertThat(presenceSync.reason()).hasToString("EPOCH_CHANGED");
        InitialDataMessage fresh = watcher.awaitReply(InitialDataMessage.class);
        assertThat(fresh.channel()).isEqualTo("presence");
        assertThat(fresh.epoch()).isNotEqualTo(presence.epoch());
    }

    @Test
    @Order(4)
    void aRabbitMqRestartClosesNoSessionAndEverySessionEndsWithEveryAcknowledgedMessage() throws Exception {
        String channel = freshChannel();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            readers.add(reader(cluster.nodes().get(i % 3), channel, "rabbit-" + i));
        }
        Publisher publisher = publisher(cluster.node("node-a"), channel, "rabbit-pub", 0);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread publishing = started(() -> {
            while (running.get()) {
                publisher.publish(1, 50);
            }
        });
        try {
            Thread.sleep(2_000);
            long down = System.nanoTime();
            Rabbit.ctl("stop_app");
            Thread.sleep(4_000);
            Rabbit.ctl("start_app");
            Rabbit.awaitStompPort(Duration.ofSeconds(60));
            System.out.printf("RabbitMQ was away for %d ms%n", (System.nanoTime() - down) / 1_000_000);
            Thread.sleep(6_000);
        } finally {
            running.set(false);
            publishing.join();
            Rabbit.ensureStompPlugin(); // never leave the machine's RabbitMQ stopped
        }
        Set<Long> acked = publisher.awaitAcknowledged();
        assertThat(acked).as("acknowledged publishes").hasSizeGreaterThan(100);
        long start = System.nanoTime();
        for (Reader reader : readers) {
            reader.awaitMarkers(acked, SETTLE);
        }
        System.out.printf("every session held every acknowledged message %d ms after publishing stopped%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(readers).as("sessions closed by the server").allSatisfy(r -> assertThat(r.stomp.isClosed()).isFalse());
        readers.forEach(Reader::assertEachMarkerOnce);
        for (AppNode node : cluster.nodes()) {
            awaitReadiness(node, 200, Duration.ofSeconds(10));
        }
    }

    @Test
    @Order(5)
    void aRedisRestartRefusesPublishesAsUnavailableLosesNoAcknowledgedOneAndReadinessFollows() throws Exception {
        String channel = freshChannel();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add(reader(cluster.nodes().get(i % 3), channel, "redis-" + i));
        }
        Publisher publisher = publisher(cluster.node("node-a"), channel, "redis-pub", 0);
        publisher.publish(20, 20);
        Set<Long> before = publisher.awaitAcknowledged();
        assertThat(before).hasSize(20);

        redis.kill();
        long down = System.nanoTime();
        try {
            awaitReadiness(cluster.node("node-b"), 503, Duration.ofSeconds(6));
            System.out.printf("node-b not ready %d ms after Redis went away%n", (System.nanoTime() - down) / 1_000_000);
            publisher.publish(5, 100);
            List<ErrorMessage> refusals = publisher.awaitRefusals(5);
            assertThat(refusals).extracting(ErrorMessage::code).containsOnly(ErrorCode.SERVICE_UNAVAILABLE);
        } finally {
            redis.launch();
        }
        long up = System.nanoTime();
        awaitReadiness(cluster.node("node-b"), 200, Duration.ofSeconds(6));
        System.out.printf("node-b ready %d ms after Redis came back%n", (System.nanoTime() - up) / 1_000_000);
        for (AppNode node : cluster.nodes()) {
            awaitReadiness(node, 200, Duration.ofSeconds(10));
        }
        publisher.publish(10, 20);
        Set<Long> acked = publisher.awaitAcknowledged();
        assertThat(acked).as("acknowledged before and after").hasSize(30);
        for (Reader reader : readers) {
            reader.awaitMarkers(acked, SETTLE);
            reader.assertEachMarkerOnce();
        }
    }

    @Test
    @Order(6)
    void killingANodeBehindNginxLosesNothingAndItsUsersWhoStayAwayGoOfflineWithinTenSeconds() throws Exception {
        nginx = Nginx.start(cluster.logDir(), cluster.nodes());
        String channel = freshChannel();
        AppNode victim = cluster.node("node-c");
        StompTestClient watcher = open(cluster.node("node-a").ws(), "kill-watcher");
        watcher.subscribe("/topic/presence", "p");
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            readers.add(reader(nginx.ws(), channel, "kill-" + i));
        }
        List<Reader> onVictim = readers.stream().filter(r -> r.node == victim).toList();
        assertThat(onVictim).as("nginx's least_conn spreads 300 sessions").hasSizeGreaterThan(50);
        List<Reader> stayAway = onVictim.subList(0, 10);
        Publisher publisher = publisher(cluster.node("node-a"), channel, "kill-pub", 0);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread publishing = started(() -> {
            while (running.get()) {
                publisher.publish(1, 40);
            }
        });
        Instant killedAt;
        try {
            Thread.sleep(1_500);
            victim.kill();
            killedAt = Instant.now();
            for (Reader reader : onVictim) {
                assertThat(reader.stomp.awaitClose()).as("a client of the killed node sees its socket drop").isIn(1006, 1001, 1011);
            }
            for (Reader reader : onVictim) {
                if (!stayAway.contains(reader)) {
                    reader.reconnect(nginx.ws());
                }
            }
            Thread.sleep(2_000);
        } finally {
            running.set(false);
            publishing.join();
        }
        Set<Long> acked = publisher.awaitAcknowledged();
        List<Reader> back = readers.stream().filter(r -> !stayAway.contains(r)).toList();
        for (Reader reader : back) {
            reader.awaitMarkers(acked, SETTLE);
            reader.assertEachMarkerOnce();
        }
        Set<String> gone = new HashSet<>();
        stayAway.forEach(r -> gone.add(r.userId));
        awaitOffline(watcher, gone, killedAt.plusSeconds(10));
    }

    @Test
    @Order(7)
    void aRollingRestartUnderLoadMovesEverySessionLosesNothingAndNobodyFlickersOffline() throws Exception {
        nginx = Nginx.start(cluster.logDir(), cluster.nodes());
        String channel = freshChannel();
        Map<String, StompTestClient> watchers = new HashMap<>();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            readers.add(reader(nginx.ws(), channel, "roll-" + i));
        }
        Set<String> users = new HashSet<>();
        readers.forEach(r -> users.add(r.userId));
        AtomicBoolean running = new AtomicBoolean(true);
        Set<Long> acked = new HashSet<>();
        for (AppNode node : cluster.nodes()) {
            AppNode next = cluster.nodes().get((cluster.nodes().indexOf(node) + 1) % 3);
            StompTestClient watcher = open(next.ws(), "roll-watcher-" + node.nodeId());
            watcher.subscribe("/topic/presence", "p");
            watchers.put(node.nodeId(), watcher);
        }
        for (AppNode node : cluster.nodes()) {
            int index = cluster.nodes().indexOf(node);
            // Publishing goes on through a node that stays up meanwhile (a fresh session: the earlier
            // rounds restarted the others)
            Publisher elsewhere = publisher(cluster.nodes().get((index + 1) % 3), channel, "roll-pub-" + index,
                    index * 1_000_000L);
            Thread publishing = started(() -> {
                while (running.get()) {
                    elsewhere.publish(1, 50);
                }
            });
            try {
                List<Reader> moving = readers.stream().filter(r -> r.node == node).toList();
                Thread terminating = started(() -> node.terminate(Duration.ofSeconds(40)));
                // Each client reconnects on its own as soon as its session is closed, as browsers do
                List<Thread> reconnecting = new ArrayList<>();
                List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                for (Reader reader : moving) {
                    reconnecting.add(started(() -> {
                        try {
                            assertThat(reader.stomp.awaitClose()).as("close code of a drained session").isEqualTo(1012);
                            reader.reconnect(nginx.ws());
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                for (Thread thread : reconnecting) {
                    thread.join();
                }
                if (!failures.isEmpty()) {
                    AssertionError failure = new AssertionError(failures.size() + " of " + moving.size()
                            + " clients of " + node.nodeId() + " failed to move: " + failures.get(0).getMessage(), failures.get(0));
                    failures.stream().skip(1).forEach(failure::addSuppressed);
                    throw failure;
                }
                terminating.join();
                node.start();
                awaitTakesTrafficThroughNginx(node);
            } finally {
                running.set(false);
                publishing.join();
                running.set(true);
            }
            acked.addAll(elsewhere.awaitAcknowledged());
        }
        assertThat(acked).hasSizeGreaterThan(30);
        for (Reader reader : readers) {
            reader.awaitMarkers(acked, SETTLE);
            reader.assertEachMarkerOnce();
        }
        for (StompTestClient watcher : watchers.values()) {
            List<String> flickered = new ArrayList<>();
            for (StompFrame frame : watcher.drain(f -> "/topic/presence".equals(f.header("destination")))) {
                if (StompTestClient.decode(frame) instanceof DataMessage d && users.contains(d.payload().get("userId").asString())
                        && "offline".equals(d.payload().get("status").asString())) {
                    flickered.add(d.payload().get("userId").asString());
                }
            }
            assertThat(flickered).as("users shown offline while their sessions moved").isEmpty();
        }
    }

    // ---- helpers

    private static String freshChannel() {
        return "collaboration.it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private StompTestClient open(URI ws, String userId) {
        StompTestClient stomp = StompTestClient.open(ws);
        clients.add(stomp);
        StompFrame connected = stomp.connect(TestTokens.token(userId, "admin"));
        assertThat(connected.command()).as("answer to CONNECT: %s", connected).isEqualTo("CONNECTED");
        stomp.subscribe(StompTestClient.REPLIES, "replies");
        return stomp;
    }

    private Reader reader(AppNode node, String channel, String userId) {
        return reader(node.ws(), channel, userId);
    }

    private Reader reader(URI ws, String channel, String userId) {
        Reader reader = new Reader(channel, userId);
        reader.connect(ws);
        reader.syncPosition();
        return reader;
    }

    private Publisher publisher(AppNode node, String channel, String userId, long firstMarker) {
        return new Publisher(open(node.ws(), userId), channel, userId, firstMarker);
    }

    private static void awaitReadiness(AppNode node, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = Http.anonymous(node.port()).get("/health/ready").status();
            } catch (RuntimeException e) {
                last = -1;
            }
            if (last == status) {
                return;
            }
            sleep(200);
        }
        throw node.failure("readiness was " + last + ", not " + status + ", for " + within);
    }

    private static void awaitOffline(StompTestClient watcher, Set<String> users, Instant by) {
        Set<String> offline = new HashSet<>();
        while (true) {
            for (StompFrame frame : watcher.drain(f -> "/topic/presence".equals(f.header("destination")))) {
                if (StompTestClient.decode(frame) instanceof DataMessage d
                        && "offline".equals(d.payload().get("status").asString())) {
                    offline.add(d.payload().get("userId").asString());
                }
            }
            if (offline.containsAll(users)) {
                return;
            }
            if (Instant.now().isAfter(by)) {
                Set<String> missing = new HashSet<>(users);
                missing.removeAll(offline);
                throw new AssertionError("Still not offline 10 s after their node died: " + missing);
            }
            sleep(100);
        }
    }

    /**
     * As a rolling restart does before it stops the next node: waits until nginx sends a new session to
     * the restarted node (nginx tries a failed node again only after its fail_timeout).
     */
    private void awaitTakesTrafficThroughNginx(AppNode node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            StompTestClient probe = openRetrying(nginx.ws());
            try {
                StompFrame connected = probe.connect(TestTokens.token("roll-probe", "admin"));
                if (cluster.nodeOf(connected.header("client-id")) == node) {
                    return;
                }
            } finally {
                probe.close();
            }
            if (System.nanoTime() > deadline) {
                throw node.failure("gets no sessions through nginx 20 s after it was ready again");
            }
            sleep(250);
        }
    }

    /**
     * Opens a socket as a client does after its node went: a refused handshake (nginx's 502 while every
     * node it knows is marked failed, or a stopping node's 503) is retried after a jittered 200 to 400 ms,
     * at most 20 times.
     */
    private static StompTestClient openRetrying(URI ws) {
        for (int attempt = 1; ; attempt++) {
            try {
                return StompTestClient.open(ws);
            } catch (RuntimeException e) {
                if (attempt == 20) {
                    throw new AssertionError("The handshake to " + ws + " failed 20 times", e);
                }
                sleep(200 + (long) (Math.random() * 200));
            }
        }
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task, "cluster-it");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes PUBLISH frames with receipts and data {@code {"n": marker}}; keeps what was acknowledged. */
    private static final class Publisher {
        private final StompTestClient stomp;
        private final String channel;
        private final String userId;
        private long next;
        private final Map<String, Long> sent = new ConcurrentHashMap<>();
        private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        private final List<ErrorMessage> refused = new ArrayList<>();

        Publisher(StompTestClient stomp, String channel, String userId, long firstMarker) {
            this.stomp = stomp;
            this.channel = channel;
            this.userId = userId;
            this.next = firstMarker;
        }

        void publish(int count, long pauseMillis) {
            String document = channel.substring("collaboration.".length());
            for (int i = 0; i < count; i++) {
                long marker = next++;
                String receipt = "p-" + marker;
                sent.put(receipt, marker);
                stomp.send("/app/publish", "{\"type\":\"PUBLISH\",\"channel\":\"" + channel + "\",\"payload\":{\"type\":\"edit\","
                        + "\"documentId\":\"" + document + "\",\"userId\":\"" + userId + "\",\"data\":{\"n\":" + marker
                        + "},\"timestamp\":\"" + Instant.now() + "\"}}", Map.of("receipt", receipt));
                if (pauseMillis > 0) {
                    sleep(pauseMillis);
                }
            }
        }

        /** Waits until every publish is answered (RECEIPT or ERROR) and returns the acknowledged markers. */
        Set<Long> awaitAcknowledged() {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                collect();
                if (sent.isEmpty()) {
                    return Set.copyOf(acknowledged);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(sent.size() + " publishes of " + userId + " got neither RECEIPT nor ERROR");
                }
                sleep(50);
            }
        }

        List<ErrorMessage> awaitRefusals(int count) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (refused.size() < count && System.nanoTime() < deadline) {
                collect();
                sleep(50);
            }
            return List.copyOf(refused);
        }

        private synchronized void collect() {
            for (StompFrame frame : stomp.drain(f -> "RECEIPT".equals(f.command()))) {
                Long marker = sent.remove(frame.header("receipt-id"));
                if (marker != null) {
                    acknowledged.add(marker);
                }
            }
            for (StompFrame frame : stomp.drain(f -> StompTestClient.decode(f) instanceof ErrorMessage)) {
                refused.add((ErrorMessage) StompTestClient.decode(frame));
                // an ERROR answers the oldest unanswered publish: the frames are handled in order
                sent.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> sent.remove(e.getKey()));
            }
        }
    }

    /**
     * A dashboard-like subscriber of one channel: keeps every DATA it sees, and after its socket dropped
     * connects again, subscribes and syncs from the last sequence it holds, as the client package does.
     */
    private final class Reader {
        final String channel;
        final String userId;
        StompTestClient stomp;
        AppNode node;
        /** marker → the sequences it arrived with (live or by sync). */
        final Map<Long, Set<String>> markers = new HashMap<>();
        /**
         * Per subscription (each connect), the positions ({@code epoch:sequence}) of the DATA that arrived
         * live, in order. A new subscription may repeat what the old one got last (a BATCH flushed after it
         * subscribed holds messages from just before), which a client drops by sequence, as protocol.md says.
         */
        final List<List<String>> live = new ArrayList<>();
        final List<Long> liveSequences = new ArrayList<>();
        DataMessage last;
        String startEpoch;
        long startSequence;

        Reader(String channel, String userId) {
            this.channel = channel;
            this.userId = userId;
        }

        void connect(URI ws) {
            live.add(new ArrayList<>());
            stomp = openRetrying(ws);
            clients.add(stomp);
            StompFrame connected = stomp.connect(TestTokens.token(userId, "admin"));
            assertThat(connected.command()).as("answer to CONNECT: %s", connected).isEqualTo("CONNECTED");
            node = cluster.nodeOf(connected.header("client-id"));
            stomp.subscribe(StompTestClient.REPLIES, "replies");
            stomp.sendRaw("SUBSCRIBE\nid:c\ndestination:/topic/" + channel + "\nreceipt:live\n\n\0");
            stomp.await(f -> "RECEIPT".equals(f.command()) && "live".equals(f.header("receipt-id")));
        }

        /** Where the channel was when this reader subscribed (a collaboration channel has no INITIAL_DATA). */
        void syncPosition() {
            stomp.send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"" + channel + "\",\"lastSequence\":0}");
            SyncResponseMessage sync = stomp.awaitReply(SyncResponseMessage.class);
            sync.messages().forEach(this::apply);
            startEpoch = sync.epoch();
            startSequence = sync.currentSequence();
        }

        void reconnect(URI ws) {
            collect();
            connect(ws);
            String epoch = last == null ? startEpoch : last.epoch();
            long sequence = last == null ? startSequence : last.sequence();
            stomp.send("/app/sync", "{\"type\":\"REQUEST_SYNC\",\"channel\":\"" + channel + "\",\"lastSequence\":"
                    + sequence + ",\"epoch\":\"" + epoch + "\"}");
            SyncResponseMessage sync = stomp.awaitReply(SyncResponseMessage.class);
            assertThat(sync.recovered()).as("sync of %s on %s after its node went, from %s:%s: %s", userId,
                    node.nodeId(), epoch, sequence, sync).isTrue();
            sync.messages().forEach(this::apply);
            awaitLiveAfter(sync.currentSequence());
        }

        /** Publishing goes on meanwhile: the new subscription must carry DATA past where the sync ended. */
        private void awaitLiveAfter(long sequence) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (last == null || last.sequence() <= sequence) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(userId + " on " + node.nodeId() + " got no live DATA past " + sequence
                            + " within 10 s of its sync (" + Instant.now() + ")");
                }
                sleep(20);
                collect();
            }
        }

        void collect() {
            for (DataMessage data : stomp.drainData(channel)) {
                live.get(live.size() - 1).add(data.epoch() + ":" + data.sequence());
                liveSequences.add(data.sequence());
                apply(data);
            }
        }

        private void apply(DataMessage data) {
            markers.computeIfAbsent(data.payload().get("data").get("n").asLong(), n -> new HashSet<>())
                    .add(data.epoch() + ":" + data.sequence());
            if (last == null || data.sequence() > last.sequence()) {
                last = data;
            }
        }

        DataMessage last() {
            collect();
            return last;
        }

        List<Long> liveSequences() {
            collect();
            return List.copyOf(liveSequences);
        }

        void awaitMarkers(Set<Long> expected, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                collect();
                if (markers.keySet().containsAll(expected)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    Set<Long> missing = new HashSet<>(expected);
                    missing.removeAll(markers.keySet());
                    throw new AssertionError(userId + " on " + node.nodeId() + " misses " + missing.size() + " of "
                            + expected.size() + " acknowledged messages, e.g. " + missing.stream().limit(5).toList());
                }
                sleep(50);
            }
        }

        /** No marker arrived at two positions, and no position twice on one live subscription. */
        void assertEachMarkerOnce() {
            collect();
            markers.forEach((marker, sequences) ->
                    assertThat(sequences).as("sequences of marker %s at %s", marker, userId).hasSize(1));
            for (List<String> subscription : live) {
                assertThat(new HashSet<>(subscription)).as("positions on one subscription of %s", userId)
                        .hasSize(subscription.size());
            }
        }
    }

    /** The machine's RabbitMQ, driven with rabbitmqctl (as root, or through sudo). */
    static final class Rabbit {

        static void ensureStompPlugin() {
            if (!stompPortOpen()) {
                run("rabbitmq-plugins", "enable", "rabbitmq_stomp");
                awaitStompPort(Duration.ofSeconds(60));
            }
        }

        static void ctl(String command) {
            run("rabbitmqctl", command);
        }

        /** The process's established TCP connections to RabbitMQ's STOMP port, as {@code ss} lists them. */
        static int stompConnectionsOf(long pid) {
            String out = run("ss", "-tnpH", "state", "established", "( dport = :61613 )");
            return (int) out.lines().filter(line -> line.contains("pid=" + pid + ",")).count();
        }

        static void awaitStompPort(Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            while (!stompPortOpen()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("RabbitMQ's STOMP port 61613 is not open after " + within);
                }
                sleep(250);
            }
        }

        private static boolean stompPortOpen() {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", 61613), 300);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String run(String... command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed: " + out);
                }
                return out;
            } catch (IOException e) {
                throw new AssertionError(String.join(" ", command) + " could not run: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
