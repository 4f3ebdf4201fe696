package lab.yujian.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.Published;

/**
 * Nodes in one JVM joined by an in-process fan-out, for tests of several hubs: publications go to every
 * node subscribed to their channel, control messages to one node or all. A test can hold deliveries and
 * release them in another order, drop some, or disconnect a node, to exercise ordering and repair.
 * Thread-safe.
 */
public final class LoopbackNetwork {

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    private volatile boolean holding;
    private volatile Predicate<Published> drop = p -> false;

    /** The fan-out of one node. */
    public Fanout node(String nodeId) {
        return nodes.computeIfAbsent(nodeId, Node::new);
    }

    /** Holds every delivery from now on until {@link #release} (true), or delivers at once again (false). */
    public void hold(boolean holding) {
        this.holding = holding;
    }

    /** Deliveries held so far. */
    public synchronized int heldCount() {
        return held.size();
    }

    /** Delivers the held deliveries in reverse order of their sending. */
    public void releaseReversed() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(held);
            held.clear();
        }
        for (int i = now.size() - 1; i >= 0; i--) {
            now.get(i).run();
        }
    }

    /** Publications matching {@code drop} never arrive anywhere (as if the wire lost them). */
    public void drop(Predicate<Published> drop) {
        this.drop = drop;
    }

    /** Disconnects a node from the network (false) or reconnects it, which tells its handler. */
    public void connected(String nodeId, boolean connected) {
        Node node = nodes.get(nodeId);
        node.connected = connected;
        if (connected) {
            node.handler.reconnected();
        }
    }

    private void send(Runnable delivery) {
        if (holding) {
            synchronized (this) {
                held.add(delivery);
            }
        } else {
            delivery.run();
        }
    }

    private final class Node implements Fanout {
        final String id;
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        volatile BrokerHandler handler;
        volatile boolean connected = true;

        Node(String id) {
            this.id = id;
        }

        @Override
        public void start(BrokerHandler handler) {
            this.handler = handler;
        }

        @Override
        public void publish(Published publication) {
            if (!connected || drop.test(publication)) {
                return;
            }
            for (Node node : nodes.values()) {
                if (node.connected && node.channels.contains(publication.channel())) {
                    send(() -> node.handler.publication(publication));
                }
            }
        }

        @Override
        public void subscribe(String channel) {
            channels.add(channel);
        }

        @Override
        public void unsubscribe(String channel) {
            channels.remove(channel);
        }

        @Override
        public void sendControl(String nodeId, byte[] message) {
            Node node = nodes.get(nodeId);
            if (connected && node != null && node.connected) {
                node.handler.control(message);
            }
        }

        @Override
        public void broadcastControl(byte[] message) {
            if (connected) {
                nodes.values().stream().filter(node -> node.connected).forEach(node -> node.handler.control(message));
            }
        }

        @Override
        public boolean connected() {
            return connected;
        }

        @Override
        public void close() {
            nodes.remove(id);
        }
    }
}
