package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;

/**
 * One host's resource use.
 *
 * @param cpu     CPU use in percent, 0 to 100
 * @param memory  memory use in percent, 0 to 100
 * @param disk    disk use in percent, 0 to 100
 * @param network network throughput
 */
public record HostMetrics(Double cpu, Double memory, Double disk, NetworkMetrics network) {
    public HostMetrics {
        Fields.requireRange(cpu, 0, 100, "cpu");
        Fields.requireRange(memory, 0, 100, "memory");
        Fields.requireRange(disk, 0, 100, "disk");
        Fields.require(network, "network");
    }
}
