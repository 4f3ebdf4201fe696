package lab.yujian.protocol.payload;

import java.util.List;
import lab.yujian.protocol.Fields;

/**
 * The {@code metrics} channel's payload: one sample of host metrics and service health.
 *
 * @param timestamp when the sample was taken, ISO-8601
 * @param metrics   the host's resource use
 * @param services  the lab services' status; may be empty
 */
public record MetricsPayload(String timestamp, HostMetrics metrics, List<ServiceStatus> services) {
    public MetricsPayload {
        Fields.requireInstant(timestamp, "timestamp");
        Fields.require(metrics, "metrics");
        services = Fields.requireSize(services, 0, 100, "services");
    }
}
