package lab.yujian.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.PublishMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The code of docs/library.md's "Without Spring" section, run: a service that drives the core directly
 * with a transport of its own. Keep the two in step.
 */
class WithoutSpringGuideTest {

    /** The guide's transport: each session is a sink of its own socket layer (here, a list). */
    static final class MySocketsTransport implements SessionTransport {
        final Map<String, Consumer<byte[]>> sockets = new ConcurrentHashMap<>();

        @Override
        public void deliver(Channel channel, byte[] message, Iterable<String> clientIds) {
            for (String clientId : clientIds) {
                Consumer<byte[]> socket = sockets.get(clientId);
                if (socket != null) {
                    socket.accept(message); // the same bytes for everyone: queue them, never block here
                }
            }
        }

        @Override
        public void send(String clientId, byte[] message) {
            Consumer<byte[]> socket = sockets.get(clientId);
            if (socket != null) {
                socket.accept(message);
            }
        }

        @Override
        public void close(String clientId, CloseCode code, String reason) {
            sockets.remove(clientId); // close your socket with code.code(), then call hub.disconnect(clientId)
        }
    }

    @Test
    void aServiceDrivesTheCoreWithItsOwnTransport() {
        ChannelKind bookings = ChannelKind.named("bookings", JsonNode.class);
        HubConfig config = HubConfig.custom()
                .channelKind(ChannelKindConfig.custom(bookings).readers("*").publishers("member", "admin")
                        .history(200, Duration.ofHours(1)).build())
                .build();
        MySocketsTransport transport = new MySocketsTransport();
        try (Hub hub = Hub.builder(config).transport(transport).build()) {
            // a socket opened and its user is authenticated: connect, then route its frames to the hub
            List<String> received = new CopyOnWriteArrayList<>();
            Session session = hub.connect(new Identity("ada", "member", "Ada Lovelace"));
            transport.sockets.put(session.clientId(), bytes -> received.add(new String(bytes, UTF_8)));
            hub.subscribe(session.clientId(), "bookings");
            hub.receive(session.clientId(), PublishMessage.class,
                    "{\"channel\":\"bookings\",\"payload\":{\"room\":\"B2\",\"from\":\"10:00\"}}".getBytes(UTF_8));
            hub.publish(new Identity("booking-service", "service", "Bookings"), hub.channel("bookings"),
                    Map.of("room", "B3", "from", "11:00"));
            hub.disconnect(session.clientId()); // the socket closed

            assertThat(received).anySatisfy(json -> assertThat(json).contains("\"type\":\"SUBSCRIBED\""));
            assertThat(received).filteredOn(json -> json.contains("\"type\":\"DATA\""))
                    .satisfiesExactly(first -> assertThat(first).contains("\"room\":\"B2\"").contains("\"sequence\":1"),
                            second -> assertThat(second).contains("\"room\":\"B3\"").contains("\"sequence\":2"));
            assertThat(hub.registry().sessionCount()).isZero();
        }
    }
}
