package lab.yujian.bench.proc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a running JVM after a full collection, the same way for every target:
 * {@code jcmd <pid> GC.run}, then the {@code used} of {@code jcmd <pid> GC.heap_info}'s heap line.
 */
public final class Jcmd {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private Jcmd() {
    }

    /** Heap used in KiB after a full GC, or -1 if jcmd could not tell. */
    public static long heapAfterFullGcKib(long pid) {
        run(pid, "GC.run");
        return heapUsedKib(pid);
    }

    /** Heap used in KiB now (no collection), or -1. */
    public static long heapUsedKib(long pid) {
        Matcher m = USED.matcher(run(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String run(long pid, String command) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
