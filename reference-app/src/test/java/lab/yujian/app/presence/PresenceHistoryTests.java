package lab.yujian.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PresenceHistoryTests extends AppTestBase {

    @Test
    void everyStatusChangeIsKeptAndQueryableByUser() {
        Instant before = Instant.now().minusSeconds(1);
        String userId = createUser("logged", "member");
        StompTestClient session = stomp(tokenOf("logged", "password-logged"));
        session.send("/app/presence", "{\"status\":\"away\",\"location\":\"Cold room\"}");
        session.send("/app/ping", "{\"timestamp\":1}");
        session.awaitReply(lab.yujian.protocol.PongMessage.class);
        session.close();

        Http admin = admin();
        List<JsonNode> rows = waitForRows(admin, userId, 3);
        assertThat(rows).extracting(r -> r.get("status").asString()).containsExactly("online", "away", "offline");
        assertThat(rows.get(1).get("location").asString()).isEqualTo("Cold room");
        assertThat(Instant.parse(rows.get(0).get("at").asString())).isAfter(before);
    }

    private List<JsonNode> waitForRows(Http admin, String userId, int count) {
        long deadline = System.currentTimeMillis() + 5000;
        List<JsonNode> rows = List.of();
        while (System.currentTimeMillis() < deadline) {
            rows = admin.get("/api/presence/history?userId=" + userId).json().valueStream().toList();
            if (rows.size() >= count) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rows;
    }

    @Test
    void theSpanIsValidated() {
        Http admin = admin();
        assertThat(admin.get("/api/presence/history?from=yesterday").json().get("details").get("field").asString())
                .isEqualTo("from");
        assertThat(admin.get("/api/presence/history?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/presence/history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
    }

    @Test
    void presenceNowListsWhoIsConnected() {
        String userId = createUser("present", "member");
        stomp(tokenOf("present", "password-present"));
        assertThat(admin().get("/api/presence").json().findValuesAsString("userId")).contains(userId);
    }
}
