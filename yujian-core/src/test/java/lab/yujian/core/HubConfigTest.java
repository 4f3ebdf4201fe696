package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.testing.RecordingTransport;
import org.junit.jupiter.api.Test;

class HubConfigTest {

    @Test
    void theDefaultsAreTheSeeds() {
        HubConfig config = HubConfig.ofDefaults();
        assertThat(config.staleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.history().maxSize()).isEqualTo(1000);
        assertThat(config.rateLimit().limit()).isEqualTo(100);
        assertThat(config.rateLimit().window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.batch().maxSize()).isEqualTo(100);
        assertThat(config.nodeId()).startsWith("node-");
    }

    @Test
    void fromCopiesEveryField() {
        HubConfig custom = HubConfig.custom().nodeId("lab-1").staleAfter(Duration.ofMinutes(7))
                .maintenanceInterval(Duration.ofSeconds(11)).nodeLease(Duration.ofSeconds(33))
                .gapWait(Duration.ofMillis(37)).subscriptionLinger(Duration.ofSeconds(41)).abuseLimit(7)
                .snapshotSize(9).maxSubscriptionsPerSession(13)
                .history(HistoryConfig.custom().maxSize(17).maxAge(Duration.ofMinutes(3)).build())
                .rateLimit(RateLimitConfig.custom().limit(19).window(Duration.ofSeconds(23)).build())
                .batch(BatchConfig.custom().channels("metrics").maxSize(29).maxDelay(Duration.ofMillis(31)).build())
                .policy(ChannelPolicy.custom().subscribe("admin", "*").build())
                .channelKind(ChannelKindConfig.custom(lab.yujian.protocol.ChannelKind.named("bookings",
                        tools.jackson.databind.JsonNode.class)).readers("*").build())
                .build();
        HubConfig defaults = HubConfig.ofDefaults();
        for (var component : HubConfig.class.getRecordComponents()) {
            try {
                assertThat(component.getAccessor().invoke(custom)).as(component.getName() + " differs from the default")
                        .isNotEqualTo(component.getAccessor().invoke(defaults));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(HubConfig.from(custom).build()).isEqualTo(custom);
    }

    @Test
    void everyRefusalNamesTheField() {
        assertThatThrownBy(() -> HubConfig.custom().nodeId("bad id!").build()).hasMessageContaining("nodeId");
        assertThatThrownBy(() -> HubConfig.custom().staleAfter(Duration.ZERO).build()).hasMessageContaining("staleAfter");
        assertThatThrownBy(() -> HubConfig.custom().abuseLimit(0).build()).hasMessageContaining("abuseLimit");
        assertThatThrownBy(() -> HubConfig.custom().snapshotSize(0).build()).hasMessageContaining("snapshotSize");
        assertThatThrownBy(() -> HubConfig.custom().nodeLease(Duration.ofMillis(100)).build())
                .hasMessageContaining("nodeLease");
        assertThatThrownBy(() -> HubConfig.custom().gapWait(Duration.ZERO).build()).hasMessageContaining("gapWait");
        assertThatThrownBy(() -> HubConfig.custom().subscriptionLinger(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("subscriptionLinger");
    }

    @Test
    void aHubNeedsATransport() {
        assertThatThrownBy(() -> Hub.builder(HubConfig.ofDefaults()).build()).hasMessageContaining("transport");
        try (Hub hub = Hub.builder(HubConfig.ofDefaults()).transport(new RecordingTransport()).build()) {
            assertThat(hub.config().rateLimit().limit()).isEqualTo(100);
        }
    }
}
