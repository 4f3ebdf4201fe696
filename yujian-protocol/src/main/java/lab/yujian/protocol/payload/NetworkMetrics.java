package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;

/**
 * Network throughput.
 *
 * @param in  bytes per second received
 * @param out bytes per second sent
 */
public record NetworkMetrics(Double in, Double out) {
    public NetworkMetrics {
        Fields.requireRange(in, 0, Double.MAX_VALUE, "in");
        Fields.requireRange(out, 0, Double.MAX_VALUE, "out");
    }
}
