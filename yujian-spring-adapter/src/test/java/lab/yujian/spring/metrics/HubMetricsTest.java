package lab.yujian.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import lab.yujian.core.registry.InMemoryConnectionRegistry;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HubMetricsTest {

    @Test
    void channelNamesChosenByClientsNeverBecomeNewTimeSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HubMetrics metrics = new HubMetrics(registry, new InMemoryConnectionRegistry());
        for (int i = 0; i < 50; i++) {
            metrics.received("PUBLISH", "no-such-channel-" + i, 10);
            metrics.received("PUBLISH", "collaboration.doc-" + i, 10);
        }
        metrics.received("PUBLISH", "activity", 10);
        assertThat(registry.find("websocket.messages").counters()).hasSize(3);
        assertThat(registry.get("websocket.messages").tag("channel", "invalid").counter().count()).isEqualTo(50);
        assertThat(registry.get("websocket.messages").tag("channel", "collaboration.*").counter().count()).isEqualTo(50);
    }

    @Test
    void aDeclaredKindWithIdsIsOneTagAndOneGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InMemoryConnectionRegistry connections = new InMemoryConnectionRegistry();
        HubMetrics metrics = new HubMetrics(registry, connections, ChannelKinds.with(List.of(
                ChannelKind.withIds("instruments", JsonNode.class), ChannelKind.named("bookings", JsonNode.class))));
        for (int i = 0; i < 20; i++) {
            metrics.received("PUBLISH", "instruments.f" + i, 10);
        }
        metrics.received("PUBLISH", "bookings", 10);
        metrics.received("PUBLISH", "bookings.x", 10);
        metrics.received("PUBLISH", "instruments", 10);
        assertThat(registry.get("websocket.messages").tag("channel", "instruments.*").counter().count()).isEqualTo(20);
        assertThat(registry.get("websocket.messages").tag("channel", "bookings").counter().count()).isEqualTo(1);
        assertThat(registry.get("websocket.messages").tag("channel", "invalid").counter().count()).isEqualTo(2);
        assertThat(registry.get("websocket.subscriptions").tag("channel", "instruments.*").gauge().value()).isZero();
        assertThat(registry.get("websocket.subscriptions").tag("channel", "bookings").gauge()).isNotNull();
    }
}
