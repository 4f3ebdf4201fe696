package lab.yujian.bench.targets;

import java.io.IOException;

/**
 * A server under test. Each scenario starts a fresh instance with {@link #start} and closes it after,
 * so no scenario inherits another's heap, JIT state or backlog.
 */
public interface Target {

    TargetKind kind();

    /**
     * Starts a fresh instance with {@code settings} and returns once it accepts STOMP sessions.
     *
     * @throws IOException if it cannot be started or is not ready in time; the message says why
     */
    RunningTarget start(TargetSettings settings) throws IOException;

    /** Something that must hold before this target can run, or null when all is well (e.g. RabbitMQ's socket limit). */
    default String preflight(int sessions) {
        return null;
    }

    static Target of(TargetKind kind) {
        return switch (kind) {
            case STOCK -> new StockTarget(false);
            case RELAY -> new StockTarget(true);
            case YUJIAN -> new YujianTarget();
            case CLUSTER_1 -> new ClusterTarget(kind, 1);
            case CLUSTER_2 -> new ClusterTarget(kind, 2);
        };
    }
}
