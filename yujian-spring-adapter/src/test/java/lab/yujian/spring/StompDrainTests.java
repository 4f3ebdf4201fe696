package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.yujian.core.Hub;
import lab.yujian.spring.config.ShutdownProperties;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node that stops (its context closes, as on SIGTERM) closes its sessions with 1012, spread over the
 * drain window, refuses new handshakes meanwhile, and hands its users' presence over instead of
 * broadcasting them offline.
 */
class StompDrainTests {

    private static final int SESSIONS = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    @Test
    void closingTheContextClosesEverySessionWith1012SpreadOverTheWindow() throws Exception {
        ConfigurableApplicationContext context = start("--yujian.shutdown.drain-window=" + WINDOW.toMillis() + "ms");
        int port = port(context);
        Hub hub = context.getBean(Hub.class);
        List<StompTestClient> clients = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            StompTestClient client = StompTestClient.open(URI.create("ws://localhost:" + port + "/ws"));
            assertThat(client.connect(TestTokens.token("user" + i, "member")).command()).isEqualTo("CONNECTED");
            clients.add(client);
        }
        long start = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        long[] closedAt = new long[SESSIONS];
        Integer refused = null;
        while (countClosed(clients, closedAt) < SESSIONS && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            if (refused == null && countClosed(clients, closedAt) > 0) {
                refused = handshakeStatus(port); // the drain is under way
            }
            Thread.sleep(2);
        }
        closing.get(20, TimeUnit.SECONDS);

        assertThat(clients).extracting(StompTestClient::awaitClose).containsOnly(1012);
        assertThat(refused).as("a handshake during the drain").isEqualTo(503);
        List<Long> millis = java.util.Arrays.stream(closedAt).sorted().map(t -> (t - start) / 1_000_000).boxed().toList();
        assertThat(millis.get(0)).as("first close, ms after the context began to close: " + millis).isLessThan(400);
        assertThat(millis.get(SESSIONS - 1) - millis.get(0)).as("spread of the closes: " + millis)
                .isBetween(WINDOW.toMillis() * 7 / 10, WINDOW.toMillis() * 2);
        long firstHalf = millis.stream().filter(ms -> ms - millis.get(0) < WINDOW.toMillis() / 2).count();
        assertThat(firstHalf).as("closes in the first half of the window: " + millis)
                .isBetween(SESSIONS * 3L / 10, SESSIONS * 7L / 10);
        for (int i = 0; i < SESSIONS; i++) {
            assertThat(hub.presence().get("user" + i)).as("user" + i + " handed over, not offline").isPresent();
        }
    }

    @Test
    void aNegativeDrainWindowIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ShutdownProperties(Duration.ofSeconds(-1)))
                .hasMessageContaining("yujian.shutdown.drain-window");
        assertThat(new ShutdownProperties(null).drainWindow()).isEqualTo(Duration.ofSeconds(10));
    }

    private static int countClosed(List<StompTestClient> clients, long[] closedAt) {
        int closed = 0;
        for (int i = 0; i < clients.size(); i++) {
            if (closedAt[i] == 0 && clients.get(i).isClosed()) {
                closedAt[i] = System.nanoTime();
            }
            closed += closedAt[i] != 0 ? 1 : 0;
        }
        return closed;
    }

    /** The HTTP status a WebSocket handshake gets now. */
    private static int handshakeStatus(int port) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(TestHubApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
