package lab.yujian.app.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lab.yujian.app.YujianApplication;
import lab.yujian.spring.testing.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference app on a fixed loopback port with a file database, so that it can be stopped and started
 * again with its data, as a real restart does.
 */
final class RunningApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "browser-admin-password";

    private final int port;
    private final Path dataDir;
    private ConfigurableApplicationContext context;

    RunningApp(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port + "/";
    }

    RunningApp start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("yujian.app.data-dir", dataDir.toString());
        properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("yujian")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("yujian.jwt.secret", TestTokens.SECRET);
        properties.put("yujian.app.admin-password", ADMIN_PASSWORD);
        properties.put("yujian.app.metrics-interval", "2s");
        // as command-line arguments: they outrank application.properties, as a real deployment's settings do
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(YujianApplication.class).run(args);
        return this;
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
