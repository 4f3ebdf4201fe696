package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app JVM started by the bench: its output goes to a log file, it counts as started when its
 * readiness URL answers 200 (at most 120 s), and {@link #close} stops it (SIGTERM, then SIGKILL after 20 s).
 */
final class AppProcess implements RunningTarget {

    private final Process process;
    private final Path log;
    private final URI endpoint;
    private final String dialect;
    private final String secret;
    private final long brokerPid;
    private final Thread stopOnExit;

    AppProcess(List<String> command, Map<String, String> env, Path log, URI endpoint, URI ready, String dialect,
               String secret, long brokerPid) throws IOException {
        this.log = log;
        this.endpoint = endpoint;
        this.dialect = dialect;
        this.secret = secret;
        this.brokerPid = brokerPid;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        stopOnExit = new Thread(process::destroyForcibly, "stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit); // a bench stopped by a signal leaves no app behind
        awaitReady(ready);
    }

    private void awaitReady(URI ready) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the app exited with " + process.exitValue() + " before it was ready; log: " + log
                        + "\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) ready.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(500);
        }
        close();
        throw new IOException("the app was not ready within 120 s at " + ready + "; log: " + log + "\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override public List<URI> endpoints() { return List.of(endpoint); }
    @Override public String dialect() { return dialect; }
    @Override public String secret() { return secret; }
    @Override public List<Long> pids() { return List.of(process.pid()); }
    @Override public Path log() { return log; }
    @Override public long brokerPid() { return brokerPid; }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
