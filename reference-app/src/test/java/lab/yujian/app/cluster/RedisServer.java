package lab.yujian.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own on 127.0.0.1 (Debian's {@code redis-server}, nothing kept on disk), so
 * that a fault test can stop and restart it without touching the machine's shared Redis on 6379.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts one on a free port, logging to {@code logDir/redis.log}, and waits until it answers. */
    public static RedisServer start(Path logDir) {
        RedisServer redis = new RedisServer(freePort(), logDir.resolve("redis.log"));
        redis.launch();
        return redis;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port (empty: it keeps nothing), and waits until it answers. */
    public void launch() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--logfile", log.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (is Debian's redis-server installed?)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("redis-server on " + port + " did not start; see " + log);
            }
            sleep(50);
        }
    }

    /** Kills it (SIGKILL), as a crash; everything it held is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** FLUSHALL: history and presence lost, as when Redis is replaced by an empty one. */
    public void flushAll() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("FLUSHALL\r\n".getBytes());
            byte[] reply = new byte[5];
            if (socket.getInputStream().read(reply) < 3 || reply[0] != '+') {
                throw new AssertionError("FLUSHALL failed: " + new String(reply));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0 && reply[0] == '+';
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
