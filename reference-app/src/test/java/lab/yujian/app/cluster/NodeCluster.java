package lab.yujian.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N reference-app nodes as separate OS processes, started from the packaged jar
 * ({@code reference-app/target/yujian-reference-app.jar}, built by the {@code package} phase before
 * failsafe runs), each with its own port, {@code NODE_ID} and data folder, and the environment the test
 * gives all of them. Logs go to {@code target/cluster-it/<name>-<time>/<nodeId>.log} and stay there; data
 * folders are temporary and deleted by {@link #close()}, which also stops every node.
 *
 * <pre>{@code
 * try (NodeCluster cluster = NodeCluster.builder("failover").env("JWT_SECRET", secret)
 *         .node("node-a").node("node-b").start();
 *      Nginx nginx = Nginx.start(cluster.logDir(), cluster.nodes())) {
 *     cluster.node("node-a").kill();
 *     ...
 * }
 * }</pre>
 */
public final class NodeCluster implements AutoCloseable {

    /** Small heaps and a quick JIT: the nodes share 2 cores with the test and each other. */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    private final Map<String, AppNode> nodes;
    private final Path logDir;
    private final Path dataRoot;

    private NodeCluster(Map<String, AppNode> nodes, Path logDir, Path dataRoot) {
        this.nodes = nodes;
        this.logDir = logDir;
        this.dataRoot = dataRoot;
    }

    /** A cluster whose logs go to a folder named after {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The nodes, in the order they were added. */
    public List<AppNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public AppNode node(String nodeId) {
        AppNode node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("No node '" + nodeId + "'; the nodes are " + nodes.keySet());
        }
        return node;
    }

    /** The node that holds a session, read from its STOMP client id ({@code ws_<nodeId>_...}). */
    public AppNode nodeOf(String clientId) {
        return nodes.values().stream().filter(n -> clientId.startsWith("ws_" + n.nodeId() + "_")).findFirst()
                .orElseThrow(() -> new AssertionError("Client id '" + clientId + "' names none of " + nodes.keySet()));
    }

    /** Where every node's log (and nginx's) is kept. */
    public Path logDir() {
        return logDir;
    }

    /** Starts again every node that is not running (killed or terminated by an earlier test), and waits. */
    public void ensureRunning() {
        List<AppNode> stopped = nodes.values().stream().filter(n -> !n.isRunning()).toList();
        stopped.forEach(AppNode::launch);
        stopped.forEach(AppNode::awaitReady);
    }

    /** Stops every node (SIGTERM, then SIGKILL) and deletes their data folders; the logs stay. */
    @Override
    public void close() {
        nodes.values().forEach(AppNode::close);
        ChildProcesses.deleteTree(dataRoot);
    }

    /** Collects the environment and the nodes; {@link #start()} launches them all at once. */
    public static final class Builder {

        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> nodeEnv = new LinkedHashMap<>();
        private List<String> jvmArgs = DEFAULT_JVM_ARGS;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("name must be letters, digits, '_' or '-', was '" + name + "'");
            }
            this.name = name;
        }

        /** A variable every node gets. */
        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** A node with the shared environment; the harness sets its PORT, NODE_ID and DATA_DIR ({@link AppNode}). */
        public Builder node(String nodeId) {
            return node(nodeId, Map.of());
        }

        /** A node with variables of its own on top of the shared ones. */
        public Builder node(String nodeId, Map<String, String> variables) {
            if (!nodeId.matches("[A-Za-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("nodeId must be 1 to 40 letters, digits or '-' (no '_': it "
                        + "separates the parts of a client id), was '" + nodeId + "'");
            }
            if (nodeEnv.putIfAbsent(nodeId, Map.copyOf(variables)) != null) {
                throw new IllegalArgumentException("nodeId '" + nodeId + "' is added twice");
            }
            return this;
        }

        /** JVM options of every node, instead of {@link #DEFAULT_JVM_ARGS}. */
        public Builder jvmArgs(List<String> args) {
            jvmArgs = List.copyOf(args);
            return this;
        }

        /**
         * Launches every node at once and waits until each is ready.
         *
         * @throws AssertionError with the failing node's log tail; the nodes already started are stopped
         */
        public NodeCluster start() {
            if (nodeEnv.isEmpty()) {
                throw new IllegalStateException("A cluster needs at least one node");
            }
            Path jar = HarnessPaths.appJar();
            Path logDir = HarnessPaths.newRunDir(name);
            Path dataRoot;
            try {
                dataRoot = Files.createTempDirectory("yujian-" + name + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, AppNode> nodes = new LinkedHashMap<>();
            nodeEnv.forEach((id, own) -> {
                Map<String, String> all = new LinkedHashMap<>(env);
                all.putAll(own);
                nodes.put(id, new AppNode(id, jar, dataRoot.resolve(id), logDir.resolve(id + ".log"),
                        new ArrayList<>(jvmArgs), all));
            });
            NodeCluster cluster = new NodeCluster(nodes, logDir, dataRoot);
            try {
                nodes.values().forEach(AppNode::launch);
                nodes.values().forEach(AppNode::awaitReady);
                return cluster;
            } catch (RuntimeException | AssertionError e) {
                cluster.close();
                throw e;
            }
        }
    }
}
