package lab.yujian.app.metrics;

import java.io.File;
import java.util.List;
import lab.yujian.protocol.payload.HostMetrics;
import lab.yujian.protocol.payload.NetworkMetrics;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;

/**
 * Samples this host with OSHI. CPU use and network rates are measured between two samples, so the first
 * sample reports them as 0. Disk use is that of the file system holding the data folder.
 */
@Component
public class HostMetricsSampler {

    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final List<NetworkIF> networks;
    private final File disk;
    private long[] previousTicks;
    private long previousIn;
    private long previousOut;
    private long previousNanos;

    public HostMetricsSampler(lab.yujian.app.AppProperties app) {
        SystemInfo system = new SystemInfo();
        this.cpu = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.networks = system.getHardware().getNetworkIFs();
        this.disk = new File(app.dataDir() == null ? "." : app.dataDir());
        this.previousTicks = cpu.getSystemCpuLoadTicks();
        this.previousNanos = System.nanoTime();
        long[] traffic = traffic();
        this.previousIn = traffic[0];
        this.previousOut = traffic[1];
    }

    /** One sample; thread-safe. */
    public synchronized HostMetrics sample() {
        double cpuPercent = clamp(cpu.getSystemCpuLoadBetweenTicks(previousTicks) * 100);
        previousTicks = cpu.getSystemCpuLoadTicks();
        double memoryPercent = clamp(100.0 * (memory.getTotal() - memory.getAvailable()) / Math.max(1, memory.getTotal()));
        File root = disk.exists() ? disk : new File(".");
        double diskPercent = clamp(100.0 * (root.getTotalSpace() - root.getUsableSpace()) / Math.max(1, root.getTotalSpace()));
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - previousNanos) / 1e9);
        long[] traffic = traffic();
        NetworkMetrics network = new NetworkMetrics(Math.max(0, (traffic[0] - previousIn) / seconds),
                Math.max(0, (traffic[1] - previousOut) / seconds));
        previousNanos = now;
        previousIn = traffic[0];
        previousOut = traffic[1];
        return new HostMetrics(round(cpuPercent), round(memoryPercent), round(diskPercent), network);
    }

    private long[] traffic() {
        long in = 0;
        long out = 0;
        for (NetworkIF network : networks) {
            network.updateAttributes();
            in += network.getBytesRecv();
            out += network.getBytesSent();
        }
        return new long[] {in, out};
    }

    private static double clamp(double percent) {
        return Double.isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
