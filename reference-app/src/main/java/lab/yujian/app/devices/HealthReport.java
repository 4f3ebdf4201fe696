package lab.yujian.app.devices;

import java.util.List;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.payload.ServiceStatus;

/**
 * The body of {@code POST /api/devices/health}.
 *
 * @param services between 1 and 100 services, each {@code {name, status, latency}}
 */
public record HealthReport(List<ServiceStatus> services) {
    public HealthReport {
        services = Fields.requireSize(services, 1, 100, "services");
    }
}
