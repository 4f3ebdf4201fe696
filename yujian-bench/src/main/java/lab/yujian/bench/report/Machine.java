package lab.yujian.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was taken on, read from /proc and the JVM. */
public record Machine(int cores, String model, long memoryMib, String jdk, String kernel) {

    public static Machine here() {
        String model = "unknown";
        long memory = -1;
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            // leave what is unknown as such
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), kernel);
    }

    /** The 1-minute load average now, or NaN. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public String describe() {
        return String.format("%d cores (%s), %,d MiB, %s, %s", cores, model, memoryMib, jdk, kernel);
    }
}
