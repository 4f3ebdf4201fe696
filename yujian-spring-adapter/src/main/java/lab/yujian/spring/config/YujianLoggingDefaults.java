package lab.yujian.spring.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logging defaults every service using the adapter gets, at the lowest precedence (any setting of the
 * application's own wins). Spring's {@code StompSubProtocolHandler} logs every frame a client got wrong at
 * ERROR, many with a stack trace: one hostile socket could fill the log. The adapter's error handler logs
 * those faults itself, once per session in one line, and keeps stack traces for the server's own failures,
 * so Spring's copy is switched off.
 */
public final class YujianLoggingDefaults implements EnvironmentPostProcessor {

    /** The name of the property source added. */
    public static final String SOURCE = "yujianLoggingDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "logging.level.org.springframework.web.socket.messaging.StompSubProtocolHandler", "off")));
    }
}
