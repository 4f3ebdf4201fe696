package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;

/**
 * One lab service's status.
 *
 * @param name    the service name, up to 100 characters
 * @param status  healthy, warning or critical
 * @param latency the service's latency in milliseconds
 */
public record ServiceStatus(String name, ServiceHealth status, Double latency) {
    public ServiceStatus {
        Fields.requireText(name, "name");
        Fields.maxLength(name, 100, "name");
        Fields.require(status, "status");
        Fields.requireRange(latency, 0, Double.MAX_VALUE, "latency");
    }
}
