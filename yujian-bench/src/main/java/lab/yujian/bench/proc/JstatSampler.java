package lab.yujian.bench.proc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;

/**
 * The heap in use of a running JVM, once a second, from one {@code jstat -gc <pid> 1000} process (one JVM
 * for the whole sampling, where a jcmd per sample would start one each time): S0U + S1U + EU + OU.
 */
public final class JstatSampler implements AutoCloseable {

    private final Process process;
    private volatile double usedMib = Double.NaN;

    public JstatSampler(long pid) throws IOException {
        process = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "1000").redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "jstat-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            List<String> header = null;
            String line;
            while ((line = in.readLine()) != null) {
                List<String> cells = List.of(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                } else if (header != null && cells.size() == header.size()) {
                    double kib = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        kib += Double.parseDouble(cells.get(header.indexOf(column)));
                    }
                    usedMib = kib / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            usedMib = Double.NaN;
        }
    }

    /** The latest sample in MiB, or NaN before the first. */
    public double usedMib() {
        return usedMib;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
