package lab.yujian.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process's CPU time and resident memory, read from /proc: utime and stime of {@code /proc/<pid>/stat} in
 * clock ticks ({@code getconf CLK_TCK}), and VmRSS of {@code /proc/<pid>/status}. Returns -1 for a
 * process that is gone.
 */
public final class ProcStat {

    private static volatile long ticksPerSecond;

    private ProcStat() {
    }

    /** CPU ticks used so far by {@code pid} (all its threads), user and system. */
    public static long cpuTicks(long pid) {
        long[] ticks = userAndSystemTicks(pid);
        return ticks == null ? -1 : ticks[0] + ticks[1];
    }

    /** CPU seconds used so far by {@code pid}. */
    public static double cpuSeconds(long pid) {
        long ticks = cpuTicks(pid);
        return ticks < 0 ? -1 : (double) ticks / ticksPerSecond();
    }

    /**
     * CPU seconds {@code pid} has spent in the kernel so far (stime): for a server on loopback mostly its
     * socket writes, which include the receiving side's TCP work, done on the sender's CPU.
     */
    public static double systemSeconds(long pid) {
        long[] ticks = userAndSystemTicks(pid);
        return ticks == null ? -1 : (double) ticks[1] / ticksPerSecond();
    }

    private static long[] userAndSystemTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name may hold spaces; fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Resident memory of {@code pid} in KiB. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code getconf CLK_TCK}, asked once. */
    public static long ticksPerSecond() {
        if (ticksPerSecond == 0) {
            long value = 100;
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && !out.isEmpty()) {
                    value = Long.parseLong(out);
                }
            } catch (IOException | NumberFormatException e) {
                value = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticksPerSecond = value;
        }
        return ticksPerSecond;
    }
}
