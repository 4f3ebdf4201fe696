package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local RabbitMQ as the bench sees it, read only (the bench never starts, stops or reconfigures it):
 * {@code rabbitmqctl status} for its OS process, socket limit and memory, and {@code ss} for the STOMP
 * connections a process holds to it. Every value is -1 when it cannot be told.
 */
public final class RabbitMq {

    /** The STOMP plugin's port on 127.0.0.1. */
    public static final int STOMP_PORT = 61613;

    private RabbitMq() {
    }

    static long pid() {
        return find(status(false), Pattern.compile("OS PID: (\\d+)"));
    }

    static long socketLimit() {
        return find(status(false), Pattern.compile("Sockets: \\d+, limit: (\\d+)"));
    }

    /**
     * The broker's total memory in bytes as it reports it ({@code rabbitmqctl status}: {@code memory.total.erlang},
     * what the Erlang VM has allocated), or -1.
     */
    public static long erlangMemoryBytes() {
        return find(status(true), Pattern.compile("\"total\"\\s*:\\s*\\{[^}]*\"erlang\"\\s*:\\s*(\\d+)"));
    }

    /** How many queues the broker holds in every vhost ({@code rabbitmqctl -s list_queues}), or -1. */
    public static long queues() {
        String out = run(List.of("rabbitmqctl", "-s", "list_queues", "name"));
        return out == null ? -1 : out.lines().filter(l -> !l.isBlank()).count();
    }

    /** Null when the STOMP port accepts a connection within 2 s, else a line saying what to do. */
    static String stompPortClosed() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", STOMP_PORT), 2000);
            return null;
        } catch (IOException e) {
            return "RabbitMQ STOMP port 127.0.0.1:" + STOMP_PORT + " is closed: run scripts/prepare-test-env.sh";
        }
    }

    /**
     * Established TCP connections from process {@code pid} to port 61613 ({@code ss -tnpH state established
     * '( dport = :61613 )'}, lines with {@code pid=<pid>,}), or -1 when {@code ss} cannot tell.
     */
    public static long stompConnections(long pid) {
        String out = run(List.of("ss", "-tnpH", "state", "established", "( dport = :" + STOMP_PORT + " )"));
        if (out == null) {
            return -1;
        }
        String mark = "pid=" + pid + ",";
        return out.lines().filter(l -> l.contains(mark)).count();
    }

    private static String status(boolean json) {
        return run(json ? List.of("rabbitmqctl", "-q", "status", "--formatter", "json") : List.of("rabbitmqctl", "-q", "status"));
    }

    private static long find(String out, Pattern pattern) {
        if (out == null) {
            return -1;
        }
        Matcher m = pattern.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The command's output, or null if it could not run or did not finish within 30 s. */
    private static String run(List<String> command) {
        java.nio.file.Path out = null;
        try {
            out = java.nio.file.Files.createTempFile("yujian-bench-", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? java.nio.file.Files.readString(out) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
