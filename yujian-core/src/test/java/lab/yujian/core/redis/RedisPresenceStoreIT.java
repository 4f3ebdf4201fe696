package lab.yujian.core.redis;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.PresenceStoreContract;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;

class RedisPresenceStoreIT extends PresenceStoreContract {

    private final List<RedisConnector> connectors = new ArrayList<>();
    private String prefix;
    private MutableClock clock;
    private PresenceStore second;

    @Override
    protected PresenceStore createStore(MutableClock clock) {
        this.prefix = RedisTesting.newPrefix();
        this.clock = clock;
        return store();
    }

    /** Another node: its own connection, the same keys. */
    @Override
    protected PresenceStore secondNode() {
        if (second == null) {
            second = store();
        }
        return second;
    }

    private PresenceStore store() {
        RedisConnector redis = RedisTesting.connect(prefix);
        connectors.add(redis);
        return new RedisPresenceStore(redis, clock);
    }

    @AfterEach
    void cleanUp() {
        connectors.get(0).deleteAll();
        connectors.forEach(RedisConnector::close);
    }
}
