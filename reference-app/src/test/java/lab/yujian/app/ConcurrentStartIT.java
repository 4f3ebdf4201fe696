package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab.yujian.app.testing.Http;
import lab.yujian.app.testing.PostgresSchema;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cluster nodes started at the same moment against one fresh PostgreSQL schema both come up: Flyway
 * locks the schema on PostgreSQL so that one migrates while the other waits, and the first admin is
 * created once.
 */
class ConcurrentStartIT {

    private static final String PASSWORD = "concurrent-start-password";

    @Test
    void twoNodesStartedAtOnceAgainstOneFreshSchemaBothComeUp() throws Exception {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try (PostgresSchema schema = PostgresSchema.named("start")) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                String[] args = arguments(schema, "node-" + node);
                nodes.add(starter.submit(() -> {
                    together.await();
                    return new SpringApplicationBuilder(YujianApplication.class).run(args);
                }));
            }
            for (Future<ConfigurableApplicationContext> node : nodes) {
                started.add(node.get(3, TimeUnit.MINUTES)); // rethrows a failed start
            }
            for (ConfigurableApplicationContext node : started) {
                Http http = Http.anonymous(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
                assertThat(http.get("/health/ready").status()).isEqualTo(200);
                assertThat(http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")
                        .status()).isEqualTo(200);
            }
            assertThat(JdbcClient.create(schema.dataSource()).sql("SELECT username FROM users").query(String.class)
                    .list()).containsExactly("admin");
            started.forEach(ConfigurableApplicationContext::close);
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            starter.shutdownNow();
        }
    }

    private static String[] arguments(PostgresSchema schema, String node) throws Exception {
        return new String[] {
            "--server.port=0",
            "--spring.datasource.url=" + schema.url(),
            "--spring.datasource.username=" + PostgresSchema.USER,
            "--spring.flyway.schemas=" + schema.name(),
            "--yujian.jwt.secret=" + TestTokens.SECRET,
            "--yujian.app.admin-password=" + PASSWORD,
            "--yujian.app.data-dir=" + Files.createTempDirectory("yujian-" + node),
            "--yujian.node-id=" + node
        };
    }
}
