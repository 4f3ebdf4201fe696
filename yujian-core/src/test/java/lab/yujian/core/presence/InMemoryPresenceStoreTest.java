package lab.yujian.core.presence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryPresenceStoreTest extends PresenceStoreContract {

    @Override
    protected PresenceStore createStore(MutableClock clock) {
        return new InMemoryPresenceStore(clock);
    }

    @Test
    void aCheckInLeaseMustBePositive() {
        assertThatThrownBy(() -> new InMemoryPresenceStore(clock).checkIn(new Identity("a", "member", null), "b",
                Duration.ZERO)).hasMessageContaining("lease");
    }
}
