package lab.yujian.spring.rabbitmq;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.BrokerContract;
import lab.yujian.core.broker.ClusterBroker;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.redis.RedisConnector;
import lab.yujian.core.redis.RedisHistoryStore;
import lab.yujian.core.redis.RedisTesting;
import org.junit.jupiter.api.AfterEach;

/** The cluster broker over the relay: Redis history and the RabbitMQ STOMP fan-out, each node connecting. */
class RabbitBrokerIT extends BrokerContract {

    private final String prefix = RedisTesting.newPrefix();
    private final List<RedisConnector> connectors = new ArrayList<>();

    @Override
    protected Broker createBroker(String nodeId) {
        RedisConnector redis = RedisTesting.connect(prefix);
        connectors.add(redis);
        return new ClusterBroker(new RedisHistoryStore(redis, HistoryConfig.ofDefaults(), clock),
                RabbitTesting.connect(prefix, nodeId));
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
