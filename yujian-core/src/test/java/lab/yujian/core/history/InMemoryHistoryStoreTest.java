package lab.yujian.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryHistoryStoreTest extends HistoryStoreContract {

    @Override
    protected HistoryStore createStore(HistoryConfig config, MutableClock clock) {
        return new InMemoryHistoryStore(config, clock);
    }

    /** An idle channel forgotten: its messages aged out and nobody uses it. */
    @Override
    protected void loseHistory(HistoryStore store, String channel) {
        clock.advance(Duration.ofHours(1));
        store.forgetIdle(name -> false);
    }

    @Test
    void readingChannelsNobodyPublishedOnCreatesNothing() {
        InMemoryHistoryStore store = new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock);
        for (int i = 0; i < 1000; i++) {
            store.position("collaboration.d" + i);
            store.recover("collaboration.d" + i, 0, null);
            store.latest("collaboration.d" + i, 10);
        }
        assertThat(store.channelCount()).isZero();
    }

    @Test
    void anIdleChannelIsForgottenUnlessInUseAndContinuesUnderANewEpochFromOne() {
        InMemoryHistoryStore store = new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock);
        Published first = store.append("collaboration.a", publication("collaboration.a", 1));
        store.append("collaboration.b", publication("collaboration.b", 1));
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.forgetIdle(channel -> channel.equals("collaboration.b"))).isEqualTo(1);
        assertThat(store.channelCount()).isEqualTo(1);
        Published again = store.append("collaboration.a", publication("collaboration.a", 2));
        assertThat(again.sequence()).isEqualTo(1);
        assertThat(again.epoch()).isNotEqualTo(first.epoch());
        assertThat(store.recover("collaboration.a", 1, first.epoch()).reason())
                .isEqualTo(lab.yujian.protocol.RecoveryFailure.EPOCH_CHANGED);
    }
}
