package lab.yujian.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetricsAndHealthTests extends AppTestBase {

    @Test
    void realHostMetricsArriveAsBatchesOnTheMetricsChannel() {
        createUser("metricsreader", "member");
        StompTestClient reader = stomp(tokenOf("metricsreader", "password-metricsreader"));
        reader.subscribe("/topic/metrics", "m");
        reader.awaitReply(SubscribedMessage.class);
        BatchMessage batch = reader.awaitTopic("metrics", BatchMessage.class);
        DataMessage sample = batch.messages().get(0);
        JsonNode metrics = sample.payload().get("metrics");
        assertThat(metrics.get("cpu").asDouble()).isBetween(0.0, 100.0);
        assertThat(metrics.get("memory").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(100.0);
        assertThat(metrics.get("disk").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(100.0);
        assertThat(metrics.get("network").has("in")).isTrue();
        assertThat(sample.payload().get("services").findValuesAsString("name")).contains("database");
        assertThat(sample.sender().userId()).isEqualTo("system");
    }

    @Test
    void healthLivenessAndReadinessAnswer() {
        Http http = http();
        assertThat(http.get("/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        Http.Response ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("components").has("db")).isTrue();
    }

    @Test
    void prometheusMetricsUseTheSeedsNames() {
        stomp(tokenOf("admin", ADMIN_PASSWORD)).send("/app/ping", "{\"timestamp\":1}");
        Http.Response metrics = http().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("websocket_connections_total{status=\"accepted\"}",
                "websocket_messages_total", "websocket_message_size_bytes", "websocket_connection_duration_seconds",
                "websocket_latency_seconds", "websocket_sessions", "websocket_subscriptions{channel=\"presence\"}");
    }
}
