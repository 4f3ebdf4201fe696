package lab.yujian.core.history;

import lab.yujian.core.testing.MutableClock;

class InMemoryHistoryStoreTest extends HistoryStoreContract {

    @Override
    protected HistoryStore createStore(HistoryConfig config, MutableClock clock) {
        return new InMemoryHistoryStore(config, clock);
    }
}
