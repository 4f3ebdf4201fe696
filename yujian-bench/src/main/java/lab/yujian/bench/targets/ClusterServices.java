package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What a cluster run gets of its own: a private {@code redis-server} on a free loopback port (nothing kept
 * on disk, so the machine's shared Redis is never touched) and a fresh PostgreSQL schema in database
 * {@code test} (Flyway creates it on the first node's start; {@link #close} drops it with {@code psql}).
 */
final class ClusterServices implements AutoCloseable {

    static final String POSTGRES_HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final String POSTGRES_DB = "test";
    static final String POSTGRES_USER = "postgres";

    private final String schema;
    private final int redisPort;
    private final Process redis;
    private final Thread cleanUpOnExit;
    private boolean closed;

    private ClusterServices(String schema, int redisPort, Process redis) {
        this.schema = schema;
        this.redisPort = redisPort;
        this.redis = redis;
        this.cleanUpOnExit = new Thread(this::cleanUp, "clean-up-" + schema);
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit); // a bench stopped by a signal leaves no Redis or schema behind
    }

    /** Null when Redis, PostgreSQL and psql can be used, else a line saying what is missing. */
    static String missing() {
        if (!onPath("redis-server")) {
            return "redis-server is not installed (Debian: apt-get install redis-server); the cluster target runs a private one";
        }
        if (!onPath("psql")) {
            return "psql is not installed (Debian: apt-get install postgresql-client); it drops the run's schema";
        }
        if (!listening(POSTGRES_PORT)) {
            return "PostgreSQL is not listening on " + POSTGRES_HOST + ":" + POSTGRES_PORT;
        }
        return null;
    }

    /** Starts a private Redis (waits at most 10 s for its PONG) and names a fresh schema. */
    static ClusterServices start(Path runDir, String label) throws IOException {
        String schema = "yujian_bench_" + label.replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        int port = freePort();
        Path log = runDir.resolve(label + "-redis.log");
        Process redis = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--logfile", log.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ClusterServices services = new ClusterServices(schema, port, redis);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!services.redisAnswers()) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                services.close();
                throw new IOException("the private redis-server on 127.0.0.1:" + port + " did not answer PING within 10 s; log: " + log);
            }
            AppProcess.sleep(50);
        }
        return services;
    }

    String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    String databaseUrl() {
        return "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + POSTGRES_DB + "?currentSchema=" + schema;
    }

    String schema() {
        return schema;
    }

    long redisPid() {
        return redis.pid();
    }

    private boolean redisAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 200);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0 && reply[0] == '+';
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the private Redis and drops the schema; a failure to drop is printed, with the command to do it by hand. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        cleanUp();
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        redis.destroy();
        try {
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            redis.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        List<String> drop = List.of("psql", "-h", POSTGRES_HOST, "-p", Integer.toString(POSTGRES_PORT), "-U", POSTGRES_USER,
                "-d", POSTGRES_DB, "-v", "ON_ERROR_STOP=1", "-qc", "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        boolean dropped = false;
        try {
            Process p = new ProcessBuilder(drop).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            dropped = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!dropped) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            dropped = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!dropped) {
            System.err.println("[bench] could not drop PostgreSQL schema " + schema + "; drop it by hand: "
                    + String.join(" ", drop.subList(0, drop.size() - 1)) + " '" + drop.get(drop.size() - 1) + "'");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(POSTGRES_HOST, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
