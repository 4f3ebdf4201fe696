package lab.yujian.spring.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.core.Hub;
import lab.yujian.protocol.SubscribedMessage;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of tests against the adapter on a random port: opens clients, closes them after each test.
 * Subclasses carry the {@code @SpringBootTest} with their properties.
 */
public abstract class StompServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Hub hub;

    private final List<StompTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(StompTestClient::close);
        clients.clear();
    }

    /** Closes and forgets every client opened so far but {@code keep}. */
    protected void closeClientsExcept(StompTestClient keep) {
        clients.removeIf(client -> {
            if (client == keep) {
                return false;
            }
            client.close();
            return true;
        });
    }

    /** The STOMP endpoint. */
    protected URI uri() {
        return URI.create("ws://localhost:" + port + "/ws");
    }

    /** Opens a WebSocket with extra handshake headers; closed after the test. */
    protected StompTestClient open(Map<String, String> headers) {
        StompTestClient client = StompTestClient.open(uri(), headers);
        clients.add(client);
        return client;
    }

    /** Opens a WebSocket; closed after the test. */
    protected StompTestClient open() {
        return open(Map.of());
    }

    /** A connected client of a user, subscribed to replies and to the channels, each confirmed. */
    protected StompTestClient connected(String userId, String role, String... channels) {
        StompTestClient client = open();
        assertThat(client.connect(TestTokens.token(userId, role)).command()).isEqualTo("CONNECTED");
        client.subscribeAll(channels);
        for (String channel : channels) {
            assertThat(client.awaitReply(SubscribedMessage.class).channels()).containsExactly(channel);
        }
        return client;
    }
}
