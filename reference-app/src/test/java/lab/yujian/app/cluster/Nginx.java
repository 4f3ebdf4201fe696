package lab.yujian.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real nginx, run as the current user on a free loopback port with the shipped {@code deploy/nginx/nginx.conf}
 * pointed at the harness's nodes. {@link #configFor} changes exactly three things in the shipped text, each of
 * which must be found or the harness fails: the {@code upstream yujian_app} server lines (their parameters
 * are kept), {@code listen 80;}, and temp paths added inside {@code http}, in a prefix folder of its own.
 * Everything under test (upgrade headers, timeouts, least_conn, failover, forwarded headers) is the shipped
 * text. nginx's output (error log and the access log, which goes to stdout) is kept under {@code target/}.
 */
public final class Nginx implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Pattern UPSTREAM = Pattern.compile("(?s)upstream yujian_app \\{(.*?)\\n\\s*}");
    private static final Pattern SERVER = Pattern.compile("(?m)^([ \\t]*)server\\s+[^\\s;]+([^;]*);[ \\t]*(\\n|$)");
    private static final Pattern LISTEN = Pattern.compile("(?m)^([ \\t]*)listen 80;");
    private static final Pattern HTTP = Pattern.compile("(?m)^http \\{\\n");

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path prefix;

    private Nginx(Process process, int port, Path logFile, Path prefix) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.prefix = prefix;
    }

    /** The file docker-compose.yml mounts, and the tests run. */
    public static Path shippedConfig() {
        return HarnessPaths.deploy().resolve("nginx").resolve("nginx.conf");
    }

    /**
     * Starts nginx in front of these nodes and waits until it listens.
     *
     * @param workDir where its config and log are kept (a cluster's {@link NodeCluster#logDir()})
     */
    public static Nginx start(Path workDir, List<AppNode> backends) {
        Instance instance = Instance.create(workDir, backends.stream().map(AppNode::port).toList());
        Process process = ChildProcesses.start(instance.command(List.of("-g", instance.globals() + " daemon off;")));
        Nginx nginx = new Nginx(process, instance.port, instance.logFile, instance.prefix);
        nginx.awaitListening(Duration.ofSeconds(10));
        return nginx;
    }

    /** Runs {@code nginx -t} on the shipped config pointed at these ports; the backends need not run. */
    public static Check check(Path workDir, List<Integer> backendPorts) {
        Instance instance = Instance.create(workDir, backendPorts);
        Process process = ChildProcesses.start(instance.command(List.of("-t", "-g", instance.globals())));
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                ChildProcesses.stop(process, Duration.ofSeconds(1));
                throw new AssertionError("nginx -t took longer than 30 s; see " + instance.logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            ChildProcesses.deleteTree(instance.prefix);
        }
        return new Check(process.exitValue(), ChildProcesses.read(instance.logFile), instance.config);
    }

    /**
     * The shipped config with its upstream pointed at {@code 127.0.0.1:<backendPort>} for each port, listening
     * on {@code 127.0.0.1:<listenPort>}, and its temp files under {@code prefix}.
     *
     * @throws IllegalStateException if the shipped file no longer has what is to be changed
     */
    static String configFor(String shipped, List<Integer> backendPorts, int listenPort, Path prefix) {
        Matcher upstream = UPSTREAM.matcher(shipped);
        require(upstream.find(), "has no 'upstream yujian_app { ... }' block");
        String block = upstream.group(1);
        Matcher server = SERVER.matcher(block);
        require(server.find(), "has no 'server' line in its upstream block");
        String indent = server.group(1);
        String parameters = server.group(2);
        String servers = backendPorts.stream().map(p -> indent + "server 127.0.0.1:" + p + parameters + ";\n")
                .collect(Collectors.joining());
        String rewritten = block.substring(0, server.start()) + servers
                + SERVER.matcher(block.substring(server.start())).replaceAll("");
        String config = shipped.substring(0, upstream.start(1)) + rewritten + shipped.substring(upstream.end(1));

        Matcher listen = LISTEN.matcher(config);
        require(listen.find(), "has no 'listen 80;'");
        config = listen.replaceFirst("$1listen 127.0.0.1:" + listenPort + ";");
        require(!LISTEN.matcher(config).find(), "has more than one 'listen 80;'");

        Matcher http = HTTP.matcher(config);
        require(http.find(), "has no 'http {' line");
        String temp = Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .map(kind -> "    " + kind + "_temp_path " + prefix.resolve(kind) + ";\n").collect(Collectors.joining());
        return config.substring(0, http.end()) + temp + config.substring(http.end());
    }

    /** nginx from {@code $NGINX}, the PATH or Debian's {@code /usr/sbin} (which a user's PATH may lack). */
    static String binary() {
        String configured = System.getenv("NGINX");
        Stream<Path> candidates = configured != null ? Stream.of(Path.of(configured))
                : Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(d -> !d.isEmpty())
                        .map(Path::of), Stream.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin")))
                .map(dir -> dir.resolve("nginx"));
        return candidates.filter(Files::isExecutable).findFirst().map(Path::toString).orElseThrow(() ->
                new IllegalStateException("nginx is not installed; scripts/prepare-test-env.sh installs it from Debian"));
    }

    private static void require(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException(shippedConfig() + " " + problem + "; update Nginx.configFor to match it");
        }
    }

    public int port() {
        return port;
    }

    /** An address through nginx. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The STOMP endpoint through nginx. */
    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public Path logFile() {
        return logFile;
    }

    public String log() {
        return ChildProcesses.read(logFile);
    }

    /** Stops nginx (SIGTERM: fast shutdown; then SIGKILL of the master and its workers) and deletes its prefix. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
        ChildProcesses.deleteTree(prefix);
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                ChildProcesses.deleteTree(prefix);
                throw new AssertionError("nginx exited with " + process.exitValue() + "; its log is " + logFile + ":\n"
                        + ChildProcesses.tail(logFile, 30));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new AssertionError("nginx does not listen on " + port + " after " + timeout + "; see " + logFile);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The outcome of {@code nginx -t}.
     *
     * @param exitCode 0 when the config is valid
     * @param output   what nginx said
     * @param config   the config it tested
     */
    public record Check(int exitCode, String output, String config) {
    }

    /** One nginx run's files: the rewritten config and log under the work folder, pid and temp files in a prefix. */
    private record Instance(String binary, int port, Path configFile, Path logFile, Path prefix, String config) {

        static Instance create(Path workDir, List<Integer> backendPorts) {
            String binary = Nginx.binary();
            int port = ChildProcesses.freePort();
            Path dir = workDir.resolve("nginx-" + INSTANCES.incrementAndGet());
            try {
                Files.createDirectories(dir);
                Path prefix = Files.createTempDirectory("yujian-nginx-");
                // workers of a root master run as nobody and must reach their temp folders
                Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
                String config = configFor(Files.readString(shippedConfig(), StandardCharsets.UTF_8), backendPorts, port,
                        prefix);
                Path configFile = dir.resolve("nginx.conf");
                Files.writeString(configFile, config, StandardCharsets.UTF_8);
                return new Instance(binary, port, configFile, dir.resolve("nginx.log"), prefix, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String globals() {
            return "pid " + prefix.resolve("nginx.pid") + ";";
        }

        ProcessBuilder command(List<String> extra) {
            List<String> command = new ArrayList<>(List.of(binary, "-p", prefix + "/",
                    "-c", configFile.toString(), "-e", "stderr"));
            command.addAll(extra);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
    }
}
