package lab.yujian.core.redis;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.BrokerContract;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import org.junit.jupiter.api.AfterEach;

/** The cluster broker over Redis: the Lua-scripted history and the pub/sub fan-out, each node connecting. */
class RedisBrokerIT extends BrokerContract {

    private final String prefix = RedisTesting.newPrefix();
    private final List<RedisConnector> connectors = new ArrayList<>();

    @Override
    protected Broker createBroker(String nodeId) {
        RedisConnector redis = RedisTesting.connect(prefix);
        connectors.add(redis);
        return new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(), clock),
                new RedisPubSubFanout(redis, nodeId));
    }

    @Override
    protected boolean clustered() {
        return true;
    }

    @AfterEach
    void cleanUp() {
        connectors.get(0).deleteAll();
        connectors.forEach(RedisConnector::close);
    }
}
