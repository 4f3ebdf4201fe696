package lab.yujian.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.protocol.payload.PresenceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PresenceStore} must have. An implementation joins by overriding
 * {@link #createStore}; the lease time to live is {@link #TTL}. Each test gets a fresh store, created
 * before each test once the subclass is fully constructed, so the factory may use the subclass's fields
 * (a Redis client, say).
 */
public abstract class PresenceStoreContract {

    protected static final Duration TTL = Duration.ofSeconds(90);

    protected final MutableClock clock = MutableClock.atSeedDate();

    private final Identity ada = new Identity("ada", "member", "Ada Lovelace");
    private final Identity grace = new Identity("grace", "admin", "Grace Hopper");

    /** A new, empty store with leases of {@link #TTL}, reading time from {@code clock}. */
    protected abstract PresenceStore createStore(Duration leaseTtl, MutableClock clock);

    private PresenceStore store;

    /** Not in a field initializer: that would run before the subclass's own fields are set. */
    @BeforeEach
    void createStoreUnderTest() {
        store = createStore(TTL, clock);
    }

    @Test
    void aUsersFirstSessionJoinsOnline() {
        PresenceEvent event = store.join(ada, "tab-1").orElseThrow();
        assertThat(event.type()).isEqualTo(PresenceEvent.Type.JOIN);
        assertThat(event.presence().status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(event.presence().name()).isEqualTo("Ada Lovelace");
        assertThat(event.presence().role()).isEqualTo("member");
        assertThat(event.presence().lastSeen()).isEqualTo(clock.instant());
        assertThat(store.get("ada")).map(UserPresence::sessions).contains(1);
    }

    @Test
    void twoTabsOfOneUserCloseOneAtATime() {
        store.join(ada, "tab-1");
        assertThat(store.join(ada, "tab-2")).isEmpty();
        assertThat(store.get("ada").orElseThrow().sessions()).isEqualTo(2);

        assertThat(store.leave("ada", "tab-1")).isEmpty();
        assertThat(store.get("ada").orElseThrow().status()).isEqualTo(PresenceStatus.ONLINE);

        clock.advance(Duration.ofSeconds(5));
        PresenceEvent left = store.leave("ada", "tab-2").orElseThrow();
        assertThat(left.type()).isEqualTo(PresenceEvent.Type.LEAVE);
        assertThat(left.presence().status()).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(left.presence().lastSeen()).isEqualTo(clock.instant());
        assertThat(store.get("ada")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aUserIsAwayOnlyWhenEverySessionIsAway() {
        store.join(ada, "tab-1");
        store.join(ada, "tab-2");
        assertThat(store.update("ada", "tab-1", PresenceStatus.AWAY, null, null)).isEmpty();
        PresenceEvent away = store.update("ada", "tab-2", PresenceStatus.AWAY, null, null).orElseThrow();
        assertThat(away.type()).isEqualTo(PresenceEvent.Type.UPDATE);
        assertThat(away.presence().status()).isEqualTo(PresenceStatus.AWAY);
        PresenceEvent back = store.update("ada", "tab-1", PresenceStatus.ONLINE, null, null).orElseThrow();
        assertThat(back.presence().status()).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void anUpdateKeepsAbsentTextAndClearsEmptyText() {
        store.join(ada, "tab-1");
        UserPresence set = store.update("ada", "tab-1", PresenceStatus.AWAY, "Lab 2", "soldering")
                .orElseThrow().presence();
        assertThat(set.location()).isEqualTo("Lab 2");
        assertThat(set.activity()).isEqualTo("soldering");

        UserPresence kept = store.update("ada", "tab-1", PresenceStatus.ONLINE, null, null).orElseThrow().presence();
        assertThat(kept.location()).isEqualTo("Lab 2");

        UserPresence cleared = store.update("ada", "tab-1", PresenceStatus.ONLINE, "", null).orElseThrow().presence();
        assertThat(cleared.location()).isNull();
        assertThat(cleared.activity()).isEqualTo("soldering");
    }

    @Test
    void anUpdateThatChangesNothingVisibleCausesNoEvent() {
        store.join(ada, "tab-1");
        store.update("ada", "tab-1", PresenceStatus.ONLINE, "Lab 1", null);
        clock.advance(Duration.ofSeconds(3));
        assertThat(store.update("ada", "tab-1", PresenceStatus.ONLINE, "Lab 1", null)).isEmpty();
        assertThat(store.get("ada").orElseThrow().lastSeen()).isEqualTo(clock.instant());
    }

    @Test
    void updatesAndLeavesOfUnknownSessionsAreIgnored() {
        assertThat(store.update("ada", "nope", PresenceStatus.AWAY, "x", null)).isEmpty();
        assertThat(store.leave("ada", "nope")).isEmpty();
        store.join(ada, "tab-1");
        assertThat(store.update("ada", "tab-9", PresenceStatus.AWAY, "x", null)).isEmpty();
        assertThat(store.get("ada").orElseThrow().location()).isNull();
    }

    @Test
    void leasesExpireWhenTheClockPassesTheirTimeToLive() {
        store.join(ada, "tab-1");
        store.join(grace, "laptop");
        clock.advance(TTL.minusSeconds(1));
        assertThat(store.expire()).isEmpty();
        assertThat(store.renew("grace", "laptop")).isTrue();

        clock.advance(Duration.ofSeconds(2));
        List<PresenceEvent> events = store.expire();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(PresenceEvent.Type.LEAVE);
            assertThat(event.presence().userId()).isEqualTo("ada");
        });
        assertThat(store.list()).extracting(UserPresence::userId).containsExactly("grace");
        assertThat(store.renew("ada", "tab-1")).isFalse();
    }

    @Test
    void aLeaseOfItsOwnLengthOutlivesTheDefaultAndRenewsByItsLength() {
        store.join(ada, "badge", Duration.ofHours(8));
        clock.advance(Duration.ofHours(7));
        assertThat(store.expire()).isEmpty();
        assertThat(store.renew("ada", "badge")).isTrue();
        clock.advance(Duration.ofHours(7));
        assertThat(store.expire()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(store.expire()).singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(PresenceEvent.Type.LEAVE));
    }

    @Test
    void anExpiredTabOfAUserWithAnotherTabLeavesThemOnline() {
        store.join(ada, "tab-1");
        clock.advance(Duration.ofSeconds(60));
        store.join(ada, "tab-2");
        clock.advance(Duration.ofSeconds(31));
        assertThat(store.expire()).isEmpty();
        Optional<UserPresence> ada = store.get("ada");
        assertThat(ada).map(UserPresence::sessions).contains(1);
    }

    @Test
    void theListHoldsEveryPresentUserWithTheirPayload() {
        store.join(ada, "tab-1");
        store.join(grace, "laptop");
        store.update("grace", "laptop", PresenceStatus.AWAY, "Bio lab", null);
        assertThat(store.list()).extracting(UserPresence::userId).containsExactlyInAnyOrder("ada", "grace");
        var payload = store.get("grace").orElseThrow().toPayload();
        assertThat(payload.status()).isEqualTo(PresenceStatus.AWAY);
        assertThat(payload.location()).isEqualTo("Bio lab");
        assertThat(payload.metadata().role()).isEqualTo("admin");
        assertThat(Instant.parse(payload.lastSeen())).isEqualTo(clock.instant());
    }
}
