package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code YUJIAN_MODE=cluster} selects the {@code cluster} profile, whose file maps the seed's environment
 * variables onto the adapter's and the datasource's settings. Only the configuration files are read here
 * (an empty context): no service is needed.
 */
class ClusterModeSettingsTest {

    /** Nothing but the configuration files. */
    @Configuration(proxyBeanMethods = false)
    static class FilesOnly {
    }

    @Test
    void yujianModeClusterMapsTheSeedsVariablesOntoTheSettings() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("yujian.broker", "rabbitmq"),
                Map.entry("yujian.node-id", "app2"),
                Map.entry("yujian.rabbitmq.host", "rabbit.lab"),
                Map.entry("yujian.rabbitmq.stomp-port", "61614"),
                Map.entry("yujian.rabbitmq.user", "hub"),
                Map.entry("yujian.rabbitmq.password", "rabbit-secret"),
                Map.entry("yujian.rabbitmq.virtual-host", "/lab"),
                Map.entry("yujian.redis.url", "redis://redis.lab:6380"),
                Map.entry("yujian.redis.password", "redis-secret"),
                Map.entry("spring.datasource.url", "jdbc:postgresql://db.lab:5432/yujian"),
                Map.entry("spring.datasource.username", "yujian"),
                Map.entry("spring.datasource.password", "db-secret"),
                Map.entry("server.port", "3100"));
        try (ConfigurableApplicationContext context = start("--YUJIAN_MODE=cluster", "--NODE_ID=app2",
                "--RABBITMQ_HOST=rabbit.lab", "--RABBITMQ_STOMP_PORT=61614", "--RABBITMQ_USER=hub",
                "--RABBITMQ_PASSWORD=rabbit-secret", "--RABBITMQ_VHOST=/lab", "--REDIS_URL=redis://redis.lab:6380",
                "--REDIS_PASSWORD=redis-secret", "--DATABASE_URL=jdbc:postgresql://db.lab:5432/yujian",
                "--DATABASE_USER=yujian", "--DATABASE_PASSWORD=db-secret", "--PORT=3100")) {
            ConfigurableEnvironment environment = context.getEnvironment();
            assertThat(environment.getActiveProfiles()).containsExactly("cluster");
            expected.forEach((key, value) -> assertThat(environment.getProperty(key)).as(key).isEqualTo(value));
        }
    }

    @Test
    void clusterModeDefaultsToTheSeedsPortsOnLocalhost() {
        try (ConfigurableApplicationContext context = start("--YUJIAN_MODE=cluster",
                "--DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test")) {
            ConfigurableEnvironment environment = context.getEnvironment();
            assertThat(environment.getProperty("yujian.rabbitmq.host")).isEqualTo("localhost");
            assertThat(environment.getProperty("yujian.rabbitmq.stomp-port")).isEqualTo("61613");
            assertThat(environment.getProperty("yujian.rabbitmq.virtual-host")).isEqualTo("/");
            assertThat(environment.getProperty("yujian.redis.url")).isEqualTo("redis://localhost:6379");
        }
    }

    @Test
    void theSpringProfileAloneSelectsClusterModeToo() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=cluster",
                "--DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test")) {
            assertThat(context.getEnvironment().getProperty("yujian.broker")).isEqualTo("rabbitmq");
        }
    }

    @Test
    void withoutYujianModeTheNodeRunsEmbeddedOnItsOwnFileDatabase() {
        try (ConfigurableApplicationContext context = start()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            assertThat(environment.getActiveProfiles()).isEmpty();
            assertThat(environment.getProperty("yujian.broker")).isNull();
            assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        }
    }

    @Test
    void clusterModeWithoutDatabaseUrlHasNoEmbeddedFallback() {
        try (ConfigurableApplicationContext context = start("--YUJIAN_MODE=cluster")) {
            assertThatThrownBy(() -> context.getEnvironment().getProperty("spring.datasource.url"))
                    .hasMessageContaining("DATABASE_URL");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(FilesOnly.class).web(WebApplicationType.NONE)
                .properties("yujian.app.data-dir=target/cluster-mode-test").run(args);
    }
}
