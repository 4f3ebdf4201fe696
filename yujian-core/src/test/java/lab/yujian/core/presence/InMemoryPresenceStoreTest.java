package lab.yujian.core.presence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryPresenceStoreTest extends PresenceStoreContract {

    @Override
    protected PresenceStore createStore(Duration leaseTtl, MutableClock clock) {
        return new InMemoryPresenceStore(leaseTtl, clock);
    }

    @Test
    void aLeaseMustBePositive() {
        assertThatThrownBy(() -> new InMemoryPresenceStore(Duration.ZERO, clock)).hasMessageContaining("leaseTtl");
    }
}
