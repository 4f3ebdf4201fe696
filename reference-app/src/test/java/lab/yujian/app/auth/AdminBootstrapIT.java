package lab.yujian.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab.yujian.app.AppProperties;
import lab.yujian.app.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The first admin on the real PostgreSQL, where two nodes starting at once really race: each node's
 * bootstrap sees an empty user table, and exactly one may create the admin without the other failing.
 */
class AdminBootstrapIT {

    private static final PostgresSchema SCHEMA = PostgresSchema.named("bootstrap");
    private static final String PASSWORD = "bootstrap-password";

    private final JdbcClient jdbc = JdbcClient.create(SCHEMA.dataSource());

    @BeforeAll
    static void migrate() {
        SCHEMA.migrate();
    }

    @AfterAll
    static void drop() throws Exception {
        SCHEMA.close();
    }

    @BeforeEach
    void emptyUserTable() {
        jdbc.sql("DELETE FROM users").update();
    }

    @Test
    void twoBootstrapsAtOnceCreateOneAdminAndNeitherFails() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                emptyUserTable();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Void>> runs = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    runs.add(nodes.submit(bootstrap(PASSWORD, together)));
                }
                for (Future<Void> run : runs) {
                    run.get(30, TimeUnit.SECONDS); // rethrows what the bootstrap threw
                }
                assertThat(jdbc.sql("SELECT username FROM users").query(String.class).list()).as("round " + round)
                        .containsExactly("admin");
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void anAdminPasswordOverSeventyTwoBytesStopsTheFirstStartNamingTheSetting() {
        assertThatThrownBy(() -> bootstrap("\u00e9".repeat(37), new CyclicBarrier(1)).call())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_PASSWORD")
                .hasMessageContaining("72 bytes");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
    }

    private Callable<Void> bootstrap(String password, CyclicBarrier together) {
        AdminBootstrap bootstrap = new AdminBootstrap(new UserRepository(JdbcClient.create(SCHEMA.dataSource())),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AppProperties(null, password, false, null, null, null, null), Clock.systemUTC());
        return () -> {
            together.await();
            bootstrap.run(new DefaultApplicationArguments());
            return null;
        };
    }
}
