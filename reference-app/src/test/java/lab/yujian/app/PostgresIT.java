package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.PongMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on the real PostgreSQL of this machine (loopback, database {@code test}), in a schema of its
 * own: the Flyway migrations and every repository's SQL must work there as on the embedded database.
 */
class PostgresIT extends AppTestBase {

    private static final String URL = System.getenv().getOrDefault("YUJIAN_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String SCHEMA = "yujian_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void everyFeatureStoresAndReadsOnPostgres() {
        Http admin = admin();
        String userId = createUser("pguser", "member");
        String announcement = admin.post("/api/announcements", "{\"title\":\"On Postgres\",\"content\":\"yes\","
                + "\"expiresAt\":\"2099-01-01T00:00:00Z\"}").json().get("id").asString();
        assertThat(admin.get("/api/announcements").json().findValuesAsString("id")).contains(announcement);
        assertThat(admin.post("/api/announcements/" + announcement + "/expire", null).status()).isEqualTo(200);

        StompTestClient session = stomp(tokenOf("pguser", "password-pguser"));
        session.send("/app/presence", "{\"status\":\"away\",\"location\":\"Bench 9\"}");
        session.send("/app/ping", "{\"timestamp\":1}");
        session.awaitReply(PongMessage.class);
        session.close();

        String key = admin.post("/api/admin/devices", "{\"name\":\"pg reader\"}").json().get("key").asString();
        assertThat(http().apiKey(key).post("/api/devices/checkin", "{\"username\":\"pguser\",\"location\":\"Door\"}")
                .status()).isEqualTo(200);

        assertThat(admin.get("/api/activity?limit=20").json().findValuesAsString("message"))
                .anyMatch(m -> m.contains("User pguser came online"));
        long deadline = System.currentTimeMillis() + 5000;
        int rows = 0;
        while (rows < 3 && System.currentTimeMillis() < deadline) {
            rows = admin.get("/api/presence/history?userId=" + userId).json().size();
        }
        assertThat(rows).isGreaterThanOrEqualTo(3);
        assertThat(admin.get("/api/presence/history?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(admin.get("/health/ready").json().get("components").get("db").get("status").asString()).isEqualTo("UP");
    }
}
