package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.spring.config.ShutdownProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reference app's settings for stopping and for many connections: a shutdown phase long enough for
 * the drain (or Spring stops waiting for it and the rest of the sessions see 1001), graceful Tomcat, and
 * Tomcat's connection limits raised. Only the configuration files are read.
 */
class ShutdownSettingsTest {

    /** Nothing but the configuration files. */
    @Configuration(proxyBeanMethods = false)
    static class FilesOnly {
    }

    @Test
    void eachShutdownPhaseOutlastsTheDrainWindowAndTomcatStopsGracefully() {
        try (ConfigurableApplicationContext context = files()) {
            Environment environment = context.getEnvironment();
            Duration phase = DurationStyle.detectAndParse(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
            Duration window = environment.getProperty("yujian.shutdown.drain-window", Duration.class,
                    ShutdownProperties.DEFAULT_DRAIN_WINDOW);
            assertThat(phase).isGreaterThan(window.plusSeconds(3));
            assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        }
    }

    @Test
    void tomcatTakesTwentyThousandConnectionsWithABacklogOfAThousand() {
        try (ConfigurableApplicationContext context = files()) {
            assertThat(context.getEnvironment().getProperty("server.tomcat.max-connections")).isEqualTo("20000");
            assertThat(context.getEnvironment().getProperty("server.tomcat.accept-count")).isEqualTo("1000");
        }
    }

    @Test
    void theEmbeddedDatabaseStaysOpenUntilSpringClosesItNotWhenTheJvmStartsToExit() {
        // H2 closes a database in its own JVM shutdown hook unless told not to; that hook runs beside
        // Spring's, so the drain (sessions leaving, their presence and activity rows) would meet a closed database
        try (ConfigurableApplicationContext context = files()) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:h2:file:").contains(";DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    private static ConfigurableApplicationContext files() {
        return new SpringApplicationBuilder(FilesOnly.class).web(WebApplicationType.NONE)
                .properties("yujian.app.data-dir=target/shutdown-settings-test").run();
    }
}
