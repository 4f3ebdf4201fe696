package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reference app's jar in cluster mode ({@code YUJIAN_MODE=cluster}), {@code nodes} separate processes on
 * ports {@code port}, {@code port+1}, …, over the machine's RabbitMQ (STOMP plugin on 61613, guest/guest), a
 * private Redis and a fresh PostgreSQL schema per start ({@link ClusterServices}). Every node gets the same
 * load-test settings as {@link YujianTarget} (rate, abuse and stale limits lifted, {@code collaboration.bench}
 * unbatched) and a short shutdown drain. Sessions connect to the nodes directly (the generator's agent k to
 * node k mod n, the publisher on node 1), so with 2 nodes half the deliveries cross RabbitMQ.
 */
final class ClusterTarget implements Target {

    private final TargetKind kind;
    private final int nodes;

    ClusterTarget(TargetKind kind, int nodes) {
        this.kind = kind;
        this.nodes = nodes;
    }

    @Override
    public TargetKind kind() {
        return kind;
    }

    @Override
    public String preflight(int sessions) {
        String closed = RabbitMq.stompPortClosed();
        if (closed != null) {
            return closed;
        }
        return ClusterServices.missing();
    }

    @Override
    public RunningTarget start(TargetSettings settings) throws IOException {
        if (!Files.isRegularFile(settings.referenceJar())) {
            throw new IOException("No reference app jar at " + settings.referenceJar()
                    + "; build it with: mvn -B -q -DskipTests -pl reference-app -am package");
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ClusterServices services = ClusterServices.start(settings.runDir(), kind.id());
        // one thread per node: the common pool has a single thread on 2 cores, and nodes start together as in a deploy
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<CompletableFuture<AppProcess>> starting = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            int node = i;
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return startNode(settings, services, secret, node);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
        pool.shutdown();
        List<AppProcess> started = new ArrayList<>();
        IOException failure = null;
        for (CompletableFuture<AppProcess> f : starting) {
            try {
                started.add(f.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        }
        Running running = new Running(started, services, secret, RabbitMq.pid());
        if (failure != null) {
            running.close();
            throw failure;
        }
        return running;
    }

    private AppProcess startNode(TargetSettings settings, ClusterServices services, String secret, int node) throws IOException {
        int port = settings.port() + node - 1;
        String nodeId = "bench-" + node;
        Path data = Files.createTempDirectory(settings.runDir(), kind.id() + "-" + nodeId + "-data-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", settings.referenceJar().toString(), "--server.address=127.0.0.1"));
        command.addAll(settings.serverArgs());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("YUJIAN_MODE", "cluster");
        env.put("NODE_ID", nodeId);
        env.put("YUJIAN_NODE_ID", nodeId);
        env.put("PORT", Integer.toString(port));
        env.put("JWT_SECRET", secret);
        env.put("DATA_DIR", data.toString());
        env.put("RABBITMQ_HOST", "127.0.0.1");
        env.put("RABBITMQ_STOMP_PORT", Integer.toString(RabbitMq.STOMP_PORT));
        env.put("RABBITMQ_USER", "guest");
        env.put("RABBITMQ_PASSWORD", "guest");
        env.put("RABBITMQ_VHOST", "/");
        env.put("REDIS_URL", services.redisUrl());
        env.put("DATABASE_URL", services.databaseUrl());
        env.put("DATABASE_USER", ClusterServices.POSTGRES_USER);
        env.put("DATABASE_PASSWORD", "");
        // the same load-test settings as the embedded target
        env.put("RATE_LIMIT_MAX", "10000000");
        env.put("YUJIAN_STALE_AFTER", "30m");
        env.put("YUJIAN_ABUSE_LIMIT", "1000000");
        env.put("YUJIAN_BATCH_CHANNELS", "metrics");
        // a fresh node per scenario: closing it need not spread its sessions' closes over 10 s
        env.put("YUJIAN_SHUTDOWN_DRAIN_WINDOW", "1s");
        String base = "127.0.0.1:" + port;
        return new AppProcess(command, env, settings.runDir().resolve(kind.id() + "-node" + node + ".log"),
                URI.create("ws://" + base + "/ws"), URI.create("http://" + base + "/health/ready"), "yujian", secret, -1);
    }

    /** The started nodes and their services; closing stops the nodes (together), then Redis, then drops the schema. */
    private record Running(List<AppProcess> nodes, ClusterServices services, String secret, long brokerPid)
            implements RunningTarget {

        @Override
        public List<URI> endpoints() {
            return nodes.stream().flatMap(n -> n.endpoints().stream()).toList();
        }

        @Override
        public String dialect() {
            return "yujian";
        }

        @Override
        public List<Long> pids() {
            return nodes.stream().flatMap(n -> n.pids().stream()).toList();
        }

        @Override
        public Path log() {
            return nodes.isEmpty() ? null : nodes.get(0).log();
        }

        @Override
        public boolean usesBroker() {
            return true;
        }

        @Override
        public void close() {
            List<Thread> closing = new ArrayList<>();
            for (AppProcess n : nodes) {
                Thread t = new Thread(n::close, "close-node-" + n.pids().get(0));
                t.start();
                closing.add(t);
            }
            for (Thread t : closing) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            services.close();
        }
    }
}
