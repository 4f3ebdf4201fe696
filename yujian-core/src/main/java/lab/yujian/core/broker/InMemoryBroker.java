package lab.yujian.core.broker;

import java.util.Objects;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;

/**
 * The broker of a single node: history in this process (any {@link HistoryStore}, usually the
 * in-memory one) and delivery by a direct call. A publication reaches the handler on the publisher's
 * thread; publishers of one channel on several threads may reach it out of order, which the hub
 * restores.
 *
 * <p>Use it for a single node only: no other node ever hears of a publication.
 */
public final class InMemoryBroker implements Broker {

    private final HistoryStore history;
    private final String nodeId;
    private volatile BrokerHandler handler;

    /**
     * @param nodeId the id of this node, the only one control messages can reach
     */
    public InMemoryBroker(HistoryStore history, String nodeId) {
        this.history = Objects.requireNonNull(history, "history");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public void start(BrokerHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Published publish(String channel, Publication publication) {
        Published stored = history.append(channel, publication);
        handler.publication(stored.excluding(publication.excluded())); // this node's sessions only
        return stored;
    }

    @Override
    public void subscribe(String channel) {
        // every publication reaches the one handler anyway
    }

    @Override
    public void unsubscribe(String channel) {
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public void sendControl(String nodeId, byte[] message) {
        if (this.nodeId.equals(nodeId)) {
            handler.control(message);
        }
    }

    @Override
    public void broadcastControl(byte[] message) {
        handler.control(message);
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public void close() {
    }
}
