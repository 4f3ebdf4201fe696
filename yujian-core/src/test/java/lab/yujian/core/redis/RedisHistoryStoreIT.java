package lab.yujian.core.redis;

import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.HistoryStoreContract;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;

class RedisHistoryStoreIT extends HistoryStoreContract {

    private RedisConnector redis;

    @Override
    protected HistoryStore createStore(HistoryConfig config, MutableClock clock) {
        redis = RedisTesting.connect(RedisTesting.newPrefix());
        return new RedisHistoryStore(redis, config, clock);
    }

    @Override
    protected void loseHistory(HistoryStore store, String channel) {
        redis.deleteAll(); // as a flush or a failover without persistence does
    }

    @AfterEach
    void cleanUp() {
        redis.deleteAll();
        redis.close();
    }
}
