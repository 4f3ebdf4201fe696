package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;

/**
 * One lab service's status.
 *
 * @param name    the service name, up to {@value FieldLimits#SERVICE_NAME} characters
 * @param status  healthy, warning or critical
 * @param latency the service's latency in milliseconds
 */
public record ServiceStatus(String name, ServiceHealth status, Double latency) {
    public ServiceStatus {
        Fields.requireText(name, FieldLimits.SERVICE_NAME, "name");
        Fields.require(status, "status");
        Fields.requireRange(latency, 0, Double.MAX_VALUE, "latency");
    }
}
