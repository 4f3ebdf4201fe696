package lab.yujian.core.broker;

import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.InMemoryHistoryStore;

class InMemoryBrokerTest extends BrokerContract {

    @Override
    protected Broker createBroker(String nodeId) {
        return new InMemoryBroker(new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock), nodeId);
    }

    @Override
    protected boolean clustered() {
        return false;
    }
}
