package lab.yujian.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reference app's own settings ({@code yujian.app.*}).
 *
 * @param dataDir         where the embedded database and the generated JWT secret live
 * @param adminPassword   the first admin's password ({@code ADMIN_PASSWORD}); generated and printed once when unset
 * @param demo            seed demo members and simulated activity
 * @param tokenTtl        how long a login lasts ({@code JWT_TTL})
 * @param checkinTtl      how long a device check-in keeps a user present ({@code CHECKIN_TTL})
 * @param metricsInterval how often host metrics are published
 * @param publicUrl       the URL printed at startup; derived from the port when unset
 */
@ConfigurationProperties("yujian.app")
public record AppProperties(String dataDir, String adminPassword, boolean demo, Duration tokenTtl, Duration checkinTtl,
                            Duration metricsInterval, String publicUrl) {

    public AppProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
        checkinTtl = checkinTtl == null ? Duration.ofHours(8) : checkinTtl;
        metricsInterval = metricsInterval == null ? Duration.ofSeconds(5) : metricsInterval;
    }
}
