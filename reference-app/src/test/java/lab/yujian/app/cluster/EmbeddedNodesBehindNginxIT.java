package lab.yujian.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.PongMessage;
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
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of today's embedded mode (each with its own data folder, one shared JWT secret) behind real
 * nginx running the shipped nginx.conf. Embedded nodes share nothing, so this checks what nginx does for
 * any deployment: the upgrade, least_conn, failover, the forwarded headers, and what a client sees when
 * its node is killed or stopped. The nodes run for the whole class; each test gets a fresh nginx (so that
 * passive-failure marks do not carry over) and finds both nodes running. Destructive tests come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedNodesBehindNginxIT {

    private static final String ADMIN_PASSWORD = "nginx-it-admin-password";
    private static NodeCluster cluster;

    private Nginx nginx;
    private final List<StompTestClient> clients = new ArrayList<>();

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println(context.getDisplayName() + " failed; node and nginx logs are in "
                    + (cluster == null ? "target/cluster-it" : cluster.logDir()));
        }
    };

    @BeforeAll
    static void startTwoEmbeddedNodes() {
        cluster = NodeCluster.builder("embedded-behind-nginx").env("JWT_SECRET", TestTokens.SECRET)
                .env("ADMIN_PASSWORD", ADMIN_PASSWORD).node("node-a").node("node-b").start();
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void freshNginxInFrontOfBothNodes() {
        cluster.ensureRunning();
        nginx = Nginx.start(cluster.logDir(), cluster.nodes());
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
    void servesTheDashboardTheApiHealthAndMetricsThroughNginx() {
        Http viaNginx = Http.anonymous(nginx.port());

        assertThat(viaNginx.get("/").body()).contains("<title>Yu Jian Lab</title>");
        Http admin = viaNginx.bearer(adminToken());
        // whichever node answers takes the token: the nodes share the secret (not the user table)
        assertThat(admin.get("/api/auth/me").json().get("role").asString()).isEqualTo("admin");
        Http.Response ready = viaNginx.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        assertThat(viaNginx.get("/metrics").body()).contains("websocket_sessions");
    }

    @Test
    @Order(2)
    void stompSessionThroughNginxAnswersPingWithPong() {
        Session session = session(adminToken());

        session.stomp().send("/app/ping", "{\"timestamp\":424242}");

        assertThat(session.stomp().awaitReply(PongMessage.class).clientTimestamp()).isEqualTo(424242);
        assertThat(session.connected().header("user-name")).isNotBlank();
        assertThat(cluster.nodes()).contains(session.node());
    }

    @Test
    @Order(3)
    void twentySessionsAreSpreadEvenlyOverBothNodes() {
        String token = adminToken();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(session(token));
        }

        for (AppNode node : cluster.nodes()) {
            List<String> ours = sessions.stream().filter(s -> s.node() == node).map(Session::clientId).toList();
            assertThat(ours).as("sessions on %s", node.nodeId()).hasSize(10);
            assertThat(connectionsOn(node, token)).as("%s's own /api/admin/connections", node.nodeId())
                    .containsAll(ours);
        }
    }

    @Test
    @Order(4)
    void newSessionsFillTheNodeWithFewestSessionsFirst() {
        String token = adminToken();
        List<Session> first = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(session(token));
        }
        AppNode emptied = first.get(0).node();
        List<Session> toClose = first.stream().filter(s -> s.node() == emptied).toList();
        toClose.forEach(s -> s.stomp().close());
        awaitNoneOf(toClose, emptied, token);

        List<AppNode> next = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            next.add(session(token).node());
        }

        // 0 against 4 open: the next four all go to the emptied node, then they alternate
        assertThat(next.subList(0, 4)).as("where the next sessions landed").containsOnly(emptied);
        assertThat(next.stream().filter(n -> n == emptied).count()).isEqualTo(6);
    }

    @Test
    @Order(5)
    void aBrowserOnTheDashboardsOwnOriginMayOpenTheWebSocketThroughNginx() {
        String publicHost = "dashboard.lab.test:" + nginx.port();

        assertThat(RawHttp.handshakeStatus(nginx.port(), publicHost, "http://" + publicHost)).isEqualTo(101);
        assertThat(RawHttp.handshakeStatus(nginx.port(), publicHost, "http://elsewhere.example")).isEqualTo(403);
    }

    @Test
    @Order(6)
    void aSpoofedForwardedForDoesNotEscapeTheLoginThrottle() {
        try (Nginx toOneNode = Nginx.start(cluster.logDir(), List.of(cluster.node("node-a")))) {
            String username = "throttle-probe-" + UUID.randomUUID().toString().substring(0, 8);
            String body = "{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}";
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                // a fresh address each time: the throttle would never see the same one twice if nginx passed it on
                statuses.add(RawHttp.post(toOneNode.port(), "/api/auth/login", body,
                        Map.of("X-Forwarded-For", "203.0.113." + i)));
            }

            assertThat(statuses.subList(0, 10)).containsOnly(401);
            assertThat(statuses.get(10)).as("the 11th failed sign-in from one address").isEqualTo(429);
        }
    }

    @Test
    @Order(7)
    void aKilledNodesSessionsDropAndNewSessionsLandOnTheSurvivor() {
        String token = adminToken();
        List<Session> sessions = List.of(session(token), session(token), session(token), session(token));
        AppNode victim = sessions.get(0).node();
        AppNode survivor = other(victim);

        victim.kill();

        for (Session session : sessions) {
            if (session.node() == victim) {
                assertThat(session.stomp().awaitClose()).as("close code after SIGKILL").isEqualTo(1006);
            } else {
                session.stomp().barrier();
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(session(token).node()).as("a new session while " + victim.nodeId() + " is down")
                    .isSameAs(survivor);
        }
        victim.restart();
        assertThat(signIn(Http.anonymous(victim.port())).status()).as("the restarted node kept its data").isEqualTo(200);
    }

    @Test
    @Order(8)
    void sigtermEndsTheNodeWithinFifteenSecondsAndItsSessionsMoveToTheSurvivor() {
        String token = adminToken();
        List<Session> sessions = List.of(session(token), session(token), session(token), session(token));
        AppNode victim = sessions.get(0).node();

        AppNode.Exit exit = victim.terminate(Duration.ofSeconds(30));

        assertThat(exit.took()).as("from SIGTERM to exit").isLessThan(Duration.ofSeconds(15));
        assertThat(exit.code()).as("exit status after SIGTERM").isEqualTo(143);
        for (Session session : sessions) {
            if (session.node() == victim) {
                // The drain (yujian.shutdown.drain-window, 10 s) closes them with 1012 before the node exits
                assertThat(session.stomp().awaitClose()).as("close code after SIGTERM").isEqualTo(1012);
            } else {
                session.stomp().barrier();
            }
        }
        assertThat(session(token).node()).as("a new session after the SIGTERM").isSameAs(other(victim));
        // The drained sessions' leaves are written while the database is still open
        assertThat(victim.log()).as("the victim's log").doesNotContain(" not logged").doesNotContain(" not recorded");
    }

    private String adminToken() {
        Http.Response login = signIn(Http.anonymous(nginx.port()));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asString();
    }

    private static Http.Response signIn(Http http) {
        return http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    }

    /** A STOMP session through nginx, connected and subscribed to its replies; closed after the test. */
    private Session session(String token) {
        StompTestClient stomp = StompTestClient.open(nginx.ws());
        clients.add(stomp);
        StompFrame connected = stomp.connect(token);
        assertThat(connected.command()).as("answer to CONNECT: %s", connected).isEqualTo("CONNECTED");
        stomp.subscribeAll();
        String clientId = connected.header("client-id");
        return new Session(stomp, connected, clientId, cluster.nodeOf(clientId));
    }

    /** The client ids that a node's own admin API lists, bypassing nginx; each must name that node. */
    private static List<String> connectionsOn(AppNode node, String token) {
        JsonNode connections = Http.anonymous(node.port()).bearer(token).get("/api/admin/connections").json();
        assertThat(connections.findValuesAsString("node")).as("nodes that %s reports", node.nodeId())
                .allMatch(node.nodeId()::equals);
        return connections.findValuesAsString("clientId");
    }

    private static void awaitNoneOf(List<Session> closed, AppNode node, String token) {
        List<String> ids = closed.stream().map(Session::clientId).collect(Collectors.toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (connectionsOn(node, token).stream().anyMatch(ids::contains)) {
            if (System.nanoTime() > deadline) {
                throw node.failure("still lists closed sessions " + ids);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AppNode other(AppNode node) {
        return cluster.nodes().stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    /** One STOMP session and the node that holds it, read from its client id. */
    private record Session(StompTestClient stomp, StompFrame connected, String clientId, AppNode node) {
    }
}
