package lab.yujian.app.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.ServiceHealth;
import lab.yujian.protocol.payload.ServiceStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes a {@link MetricsPayload} every {@code yujian.app.metrics-interval} (5 s) and on demand. */
@Component
public class MetricsPublisher {

    private static final Log LOG = LogFactory.getLog(MetricsPublisher.class);
    private static final Identity SYSTEM = new Identity("system", "system", "Yu Jian");

    private final Hub hub;
    private final HostMetricsSampler host;
    private final ServiceHealthRegistry services;
    private final JdbcClient jdbc;
    private final Clock clock;

    public MetricsPublisher(Hub hub, HostMetricsSampler host, ServiceHealthRegistry services, JdbcClient jdbc,
                            Clock clock) {
        this.hub = hub;
        this.host = host;
        this.services = services;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedRateString = "${yujian.app.metrics-interval:5s}", initialDelayString = "${yujian.app.metrics-interval:5s}")
    public void publishScheduled() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.warn("Metrics sample not published", e);
        }
    }

    /** Samples and publishes now; returns what was published. */
    public MetricsPayload publish() {
        List<ServiceStatus> all = new ArrayList<>();
        all.add(database());
        all.addAll(services.current());
        MetricsPayload payload = new MetricsPayload(clock.instant().toString(), host.sample(), all);
        hub.publish(SYSTEM, Channel.METRICS, payload);
        return payload;
    }

    private ServiceStatus database() {
        long start = System.nanoTime();
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            double millis = Math.round((System.nanoTime() - start) / 1e4) / 100.0;
            return new ServiceStatus("database", millis > 100 ? ServiceHealth.WARNING : ServiceHealth.HEALTHY, millis);
        } catch (RuntimeException e) {
            return new ServiceStatus("database", ServiceHealth.CRITICAL, (System.nanoTime() - start) / 1e6);
        }
    }
}
