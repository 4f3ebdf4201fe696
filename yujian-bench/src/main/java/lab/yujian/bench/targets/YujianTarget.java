package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The reference app's executable jar in embedded mode, as an operator starts it: a fresh data directory,
 * a random JWT secret, and the limits that would refuse a load test lifted (rate limit, stale sessions,
 * abuse strikes). {@code YUJIAN_BATCH_CHANNELS=metrics} keeps {@code collaboration.bench} unbatched, so
 * each message is one DATA frame as in the stock app.
 */
final class YujianTarget implements Target {

    @Override
    public TargetKind kind() {
        return TargetKind.YUJIAN;
    }

    @Override
    public String preflight(int sessions) {
        return null;
    }

    @Override
    public RunningTarget start(TargetSettings settings) throws IOException {
        if (!Files.isRegularFile(settings.referenceJar())) {
            throw new IOException("No reference app jar at " + settings.referenceJar()
                    + "; build it with: mvn -B -q -DskipTests -pl reference-app -am package");
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path data = Files.createTempDirectory(settings.runDir(), "yujian-data-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", settings.referenceJar().toString(), "--server.address=127.0.0.1"));
        command.addAll(settings.serverArgs());
        Map<String, String> env = Map.of("JWT_SECRET", secret, "PORT", Integer.toString(settings.port()),
                "DATA_DIR", data.toString(), "RATE_LIMIT_MAX", "10000000", "YUJIAN_STALE_AFTER", "30m",
                "YUJIAN_ABUSE_LIMIT", "1000000", "YUJIAN_BATCH_CHANNELS", "metrics");
        String base = "127.0.0.1:" + settings.port();
        return new AppProcess(command, env, settings.runDir().resolve("yujian-app.log"), URI.create("ws://" + base + "/ws"),
                URI.create("http://" + base + "/health/ready"), "yujian", secret, -1);
    }
}
