package lab.yujian.spring.rabbitmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Counts STOMP connections from outside the fan-out: the local ports this JVM holds to 61613, and RabbitMQ's view. */
final class StompSockets {

    private static final Pattern LOCAL_PORT = Pattern.compile(":(\\d+)\\s+\\S*127\\.0\\.0\\.1\\]?:61613\\s");

    private StompSockets() {
    }

    /** The local ports of this process's established connections to 127.0.0.1:61613 (from {@code ss -tnp}; Java's sockets may show as IPv4-mapped IPv6). */
    static Set<Integer> ofThisProcess() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ss", "-Htnp", "state", "established", "( dport = :61613 )")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String pid = "pid=" + ProcessHandle.current().pid() + ",";
        return output.lines().filter(line -> line.contains(pid)).map(LOCAL_PORT::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).collect(Collectors.toSet());
    }

    /** The peer ports of every STOMP connection RabbitMQ lists. */
    static Set<Integer> seenByRabbitMq() {
        return RabbitTesting.rabbitmqctl("list_stomp_connections", "peer_port").stream()
                .filter(line -> line.matches("\\d+")).map(Integer::parseInt).collect(Collectors.toSet());
    }
}
