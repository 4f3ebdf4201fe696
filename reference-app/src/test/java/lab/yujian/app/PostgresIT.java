package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.app.testing.PostgresSchema;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
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

    private static final PostgresSchema SCHEMA = PostgresSchema.named("it");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SCHEMA::url);
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("spring.flyway.schemas", SCHEMA::name);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SCHEMA.close();
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

    /** PostgreSQL refuses text holding NUL and timestamps past the year 294276: such values never reach it. */
    @Test
    void valuesPostgresCannotKeepAreRefusedAsTheClientsFaultBeforeTheDatabase() {
        Http admin = admin();
        assertRefused(admin.post("/api/announcements", "{\"title\":\"nul\\u0000\",\"content\":\"c\"}"), "title");
        assertRefused(admin.post("/api/announcements", "{\"title\":\"t\",\"content\":\"c\","
                + "\"expiresAt\":\"+300000-01-01T00:00:00Z\"}"), "expiresAt");
        assertRefused(http().post("/api/auth/login", "{\"username\":\"nul\\u0000\",\"password\":\"p\"}"), "username");
        assertRefused(admin.get("/api/presence/history?userId=nul%00"), "userId");
        assertRefused(admin.get("/api/presence/history?from=%2B300000-01-01T00:00:00Z&to=%2B300000-01-02T00:00:00Z"), "to");
        for (String path : new String[] {"/api/announcements/nul%00/expire", "/api/admin/users/nul%00"}) {
            Http.Response answer = path.contains("users") ? admin.patch(path, "{}") : admin.post(path, null);
            assertThat(answer.status()).as(path + ": " + answer.body()).isIn(400, 404);
        }
        assertThat(admin.delete("/api/admin/devices/nul%00").status()).isIn(400, 404);

        StompTestClient session = stomp(tokenOf("admin", ADMIN_PASSWORD));
        session.send("/app/publish", "{\"channel\":\"activity\",\"payload\":{\"id\":\"far-future\",\"type\":\"action\","
                + "\"userId\":\"admin\",\"message\":\"m\",\"timestamp\":\"+300000-01-01T00:00:00Z\"}}");
        ErrorMessage error = session.awaitReply(ErrorMessage.class);
        assertThat(error.code()).as(error.message()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(error.details().get("field").asString()).isEqualTo("payload.timestamp");
    }

    private static void assertRefused(Http.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("details").get("field").asString()).isEqualTo(field);
    }
}
