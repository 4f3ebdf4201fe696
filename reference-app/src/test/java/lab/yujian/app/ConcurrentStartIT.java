package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cluster nodes started at the same moment against one fresh PostgreSQL schema both come up: Flyway
 * locks the schema on PostgreSQL so that one migrates while the other waits, and the first admin is
 * created once. Both nodes create their beans (Flyway, the admin) at the same moment; before that, the
 * second starts once the first has set up logging, which two applications in one JVM cannot do at once
 * (Logback's context is shared: it failed a test run once with a ConcurrentModificationException).
 */
class ConcurrentStartIT {

    private static final String PASSWORD = "concurrent-start-password";

    @Test
    void twoNodesStartedAtOnceAgainstOneFreshSchemaBothComeUp() throws Exception {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try (PostgresSchema schema = PostgresSchema.named("start")) {
            CyclicBarrier together = new CyclicBarrier(2);
            CountDownLatch firstPrepared = new CountDownLatch(1);
            List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                String[] args = arguments(schema, "node-" + node);
                boolean second = node == 1;
                nodes.add(starter.submit(() -> {
                    if (second) {
                        firstPrepared.await();
                    }
                    return new SpringApplicationBuilder(YujianApplication.class)
                            .listeners(new RefreshTogether(firstPrepared, together)).run(args);
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

    /** Holds a prepared application until the other is prepared too, so that both refresh at once. */
    private record RefreshTogether(CountDownLatch prepared, CyclicBarrier together)
            implements ApplicationListener<ApplicationPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            prepared.countDown();
            try {
                together.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("The other node did not get this far", e);
            }
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
