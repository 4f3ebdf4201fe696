package lab.yujian.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import lab.yujian.core.registry.InMemoryConnectionRegistry;
import org.junit.jupiter.api.Test;

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
}
