package lab.yujian.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.payload.ServiceStatus;
import org.springframework.stereotype.Component;

/**
 * The last health each lab service reported. A report older than {@link #STALE_AFTER} is dropped: a
 * service that stopped reporting is no longer shown as healthy.
 */
@Component
public class ServiceHealthRegistry {

    /** How long a report counts. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final int MOST_SERVICES = 100;

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Clock clock;

    public ServiceHealthRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Records the services one device reported. */
    public void report(List<ServiceStatus> services) {
        Instant now = clock.instant();
        for (ServiceStatus service : services) {
            if (reports.size() < MOST_SERVICES || reports.containsKey(service.name())) {
                reports.put(service.name(), new Report(service, now));
            }
        }
    }

    /** Current reports, stale ones dropped, by name. */
    public List<ServiceStatus> current() {
        Instant cutoff = clock.instant().minus(STALE_AFTER);
        reports.values().removeIf(report -> report.at.isBefore(cutoff));
        List<ServiceStatus> services = new ArrayList<>();
        reports.values().forEach(report -> services.add(report.service));
        services.sort((a, b) -> a.name().compareTo(b.name()));
        return services;
    }

    private record Report(ServiceStatus service, Instant at) {
    }
}
