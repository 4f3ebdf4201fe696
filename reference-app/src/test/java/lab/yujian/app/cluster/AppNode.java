package lab.yujian.app.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One reference-app node: the executable jar as an OS process of its own, on a loopback port of its own,
 * with the environment it was given, its output appended to one log file (kept after the test). It can be
 * started, killed, terminated and started again on the same port with the same data folder, as an
 * operator or a crash would do to a node behind nginx. Besides the given environment it gets {@code PORT},
 * {@code NODE_ID} (and {@code YUJIAN_NODE_ID}, the adapter's name for it today), {@code DATA_DIR} and
 * {@code SERVER_ADDRESS=127.0.0.1}; of the test JVM's own environment only PATH, HOME and LANG.
 *
 * <p>Made by {@link NodeCluster}. Not thread-safe: one test drives it.
 */
public final class AppNode implements AutoCloseable {

    /** How long a node may take from launch to ready, on 2 shared cores. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int TAIL_LINES = 60;

    private final String nodeId;
    private final int port;
    private final Path jar;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> jvmArgs;
    private final Map<String, String> env;
    private Process process;

    AppNode(String nodeId, Path jar, Path dataDir, Path logFile, List<String> jvmArgs, Map<String, String> env) {
        this.nodeId = nodeId;
        this.port = ChildProcesses.freePort();
        this.jar = jar;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.jvmArgs = List.copyOf(jvmArgs);
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("PORT", Integer.toString(port));
        all.put("NODE_ID", nodeId);
        // The adapter's own name for the node id until the app maps NODE_ID (cluster mode) onto it
        all.put("YUJIAN_NODE_ID", nodeId);
        all.put("DATA_DIR", dataDir.toString());
        // Listen on loopback only: these nodes are for this machine's tests
        all.put("SERVER_ADDRESS", "127.0.0.1");
        this.env = Map.copyOf(all);
    }

    public String nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    /** An address on this node, bypassing nginx. */
    /** The node's STOMP endpoint, bypassing nginx. */
    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path logFile() {
        return logFile;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The environment the node runs with (nothing is inherited from the test JVM but PATH, HOME and LANG). */
    public Map<String, String> env() {
        return env;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The OS process id of the running node. */
    public long pid() {
        requireRunning("pid");
        return process.pid();
    }

    /** Launches the process and returns at once; {@link #awaitReady()} waits for it. */
    public AppNode launch() {
        if (isRunning()) {
            throw new IllegalStateException("Node " + nodeId + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Djava.io.tmpdir=" + dataDir.resolve("tmp"));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(dataDir.resolve("tmp"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dataDir, e);
        }
        ChildProcesses.append(logFile, "==== " + Instant.now() + " launching node " + nodeId + " on port " + port
                + ": " + String.join(" ", command) + "\n==== with " + String.join(", ", new TreeSet<>(env.keySet())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG"));
        builder.environment().putAll(env);
        process = ChildProcesses.start(builder);
        return this;
    }

    /** Waits until {@code /health/ready} answers 200, failing with the log's tail after {@link #READY_TIMEOUT}. */
    public AppNode awaitReady() {
        return awaitReady(READY_TIMEOUT);
    }

    public AppNode awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            requireRunning("become ready");
            if (ready()) {
                return this;
            }
            sleep(200);
        }
        throw failure("is not ready after " + timeout);
    }

    /** Launches the node and waits until it is ready. */
    public AppNode start() {
        return launch().awaitReady();
    }

    /** SIGTERM if running, then a fresh start on the same port with the same data folder and environment. */
    public AppNode restart() {
        if (isRunning()) {
            terminate(Duration.ofSeconds(30));
        }
        return start();
    }

    /** SIGKILL ({@link Process#destroyForcibly()}), as a crash: no shutdown hook runs. Waits for the exit. */
    public void kill() {
        requireRunning("be killed");
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
        ChildProcesses.append(logFile, "==== " + Instant.now() + " node " + nodeId + " killed (SIGKILL)");
    }

    /**
     * SIGTERM ({@link Process#destroy()}), as {@code docker stop} or systemd sends, and waits for the exit.
     *
     * @throws AssertionError if the node has not exited within {@code within}; it is then killed
     */
    public Exit terminate(Duration within) {
        requireRunning("be terminated");
        process.destroy();
        Exit exit = awaitExit(within);
        ChildProcesses.append(logFile, "==== " + Instant.now() + " node " + nodeId + " exited with " + exit.code()
                + ", " + exit.took().toMillis() + " ms after SIGTERM");
        return exit;
    }

    private Exit awaitExit(Duration within) {
        long start = System.nanoTime();
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                AssertionError failure = failure("did not exit within " + within);
                process.destroyForcibly();
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Exit(process.exitValue(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Everything the node has written, over all its starts. */
    public String log() {
        return ChildProcesses.read(logFile);
    }

    public String logTail() {
        return ChildProcesses.tail(logFile, TAIL_LINES);
    }

    /** An AssertionError about this node that carries its log's path and tail. */
    public AssertionError failure(String what) {
        return new AssertionError("Node " + nodeId + " (port " + port + ") " + what + "; its log is " + logFile
                + "; last lines:\n" + logTail());
    }

    /** Stops the node if it runs: SIGTERM, and SIGKILL after 15 s. */
    @Override
    public void close() {
        if (process != null) {
            ChildProcesses.stop(process, Duration.ofSeconds(15));
        }
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(url("/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void requireRunning(String toDo) {
        if (process == null) {
            throw new IllegalStateException("Node " + nodeId + " was never launched, so it cannot " + toDo);
        }
        if (!process.isAlive()) {
            throw failure("has exited with " + process.exitValue() + ", so it cannot " + toDo);
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

    /**
     * How a node process ended.
     *
     * @param code its exit status (143 after SIGTERM is the JVM's normal answer, 137 after SIGKILL)
     * @param took from the signal to the exit
     */
    public record Exit(int code, Duration took) {
    }
}
