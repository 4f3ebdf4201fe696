package lab.yujian.core.broker;

import java.lang.System.Logger.Level;
import java.util.Objects;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;

/**
 * A broker for several nodes: a shared {@link HistoryStore} (Redis) assigns every position and keeps the
 * messages, and a {@link Fanout} carries them between nodes. A publish is delivered to this node's own
 * handler at once, so local sessions keep receiving local publishes while the fan-out is down; the
 * fan-out's copy that comes back is a duplicate the hub drops.
 */
public final class ClusterBroker implements Broker {

    private static final System.Logger LOG = System.getLogger(ClusterBroker.class.getName());

    private final HistoryStore history;
    private final Fanout fanout;
    private volatile BrokerHandler handler;

    public ClusterBroker(HistoryStore history, Fanout fanout) {
        this.history = Objects.requireNonNull(history, "history");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
    }

    @Override
    public void start(BrokerHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        fanout.start(handler);
    }

    @Override
    public Published publish(String channel, Publication publication) {
        Published stored = history.append(channel, publication);
        Published excluding = stored.excluding(publication.excluded());
        handler.publication(excluding);
        try {
            fanout.publish(excluding); // the exclusions travel along: each node skips its own sessions among them
        } catch (RuntimeException e) { // stored: other nodes fill it from history
            LOG.log(Level.WARNING, "Fan-out of " + stored + " failed; other nodes read it from history: " + e);
        }
        return stored;
    }

    @Override
    public void subscribe(String channel) {
        fanout.subscribe(channel);
    }

    @Override
    public void unsubscribe(String channel) {
        fanout.unsubscribe(channel);
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public void sendControl(String nodeId, byte[] message) {
        fanout.sendControl(nodeId, message);
    }

    @Override
    public void broadcastControl(byte[] message) {
        fanout.broadcastControl(message);
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public boolean connected() {
        return fanout.connected();
    }

    @Override
    public void close() {
        fanout.close();
    }
}
