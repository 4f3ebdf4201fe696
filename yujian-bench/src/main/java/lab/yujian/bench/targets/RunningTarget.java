package lab.yujian.bench.targets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A started target: where its sessions connect, how they speak, and the processes whose CPU and memory
 * the bench measures (one per node; the broker of the relay is reported on its own).
 */
public interface RunningTarget extends AutoCloseable {

    /** One STOMP endpoint per node. */
    List<URI> endpoints();

    /** The generator's dialect: {@code stock} or {@code yujian}. */
    String dialect();

    /** The JWT secret sessions sign with, or null when the target needs no authentication. */
    String secret();

    /** The app processes, one per node. */
    List<Long> pids();

    /** Where the app's output goes. */
    Path log();

    /** An external broker process whose CPU and memory belong to this target (RabbitMQ for the relay and the cluster), or -1. */
    default long brokerPid() {
        return -1;
    }

    /** Whether {@link #pids()} connect to RabbitMQ's STOMP port, so that their broker connections are worth counting. */
    default boolean usesBroker() {
        return brokerPid() > 0;
    }

    /** Stops every process it started. */
    @Override
    void close();
}
