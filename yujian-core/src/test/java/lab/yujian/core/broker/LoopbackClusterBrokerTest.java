package lab.yujian.core.broker;

import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.testing.LoopbackNetwork;

/** The cluster broker over a shared in-memory history and an in-process fan-out. */
class LoopbackClusterBrokerTest extends BrokerContract {

    private final HistoryStore history = new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock);
    private final LoopbackNetwork network = new LoopbackNetwork();

    @Override
    protected Broker createBroker(String nodeId) {
        return new ClusterBroker(history, network.node(nodeId));
    }

    @Override
    protected boolean clustered() {
        return true;
    }
}
