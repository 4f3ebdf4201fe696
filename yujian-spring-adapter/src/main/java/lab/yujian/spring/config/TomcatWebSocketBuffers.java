package lab.yujian.spring.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Sizes Tomcat's WebSocket frame buffers from {@code yujian.socket-buffer-size} (4 KB by default, instead of
 * Tomcat's 8 KB). Each open session holds three of them (frames in, frames out, text encoding) for as long
 * as it is open, idle or not. Tomcat reads the size once, from the system property
 * {@value #TOMCAT_PROPERTY}, when its WebSocket classes load; this sets that property before the server
 * starts, unless it is set already (then that value wins, for every service in the JVM).
 */
public final class TomcatWebSocketBuffers implements EnvironmentPostProcessor {

    /** Tomcat's own system property for the size. */
    public static final String TOMCAT_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(TOMCAT_PROPERTY) != null) {
            return;
        }
        DataSize size = Binder.get(environment).bind("yujian.socket-buffer-size", DataSize.class)
                .orElse(YujianProperties.DEFAULT_SOCKET_BUFFER_SIZE);
        System.setProperty(TOMCAT_PROPERTY, Long.toString(size.toBytes()));
    }
}
