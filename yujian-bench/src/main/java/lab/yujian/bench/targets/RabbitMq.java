package lab.yujian.bench.targets;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code rabbitmqctl status} tells about the local broker: its OS process and its socket limit; -1 when unknown. */
final class RabbitMq {

    private RabbitMq() {
    }

    static long pid() {
        return find(Pattern.compile("OS PID: (\\d+)"));
    }

    static long socketLimit() {
        return find(Pattern.compile("Sockets: \\d+, limit: (\\d+)"));
    }

    private static long find(Pattern pattern) {
        try {
            Process p = new ProcessBuilder("rabbitmqctl", "-q", "status").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = pattern.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
