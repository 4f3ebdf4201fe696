package lab.yujian.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.protocol.payload.PresenceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PresenceStore} must have. An implementation joins by overriding
 * {@link #createStore}; a store that several nodes share also overrides {@link #secondNode} to give a
 * second store over the same data. Each test gets a fresh store, created before each test once the
 * subclass is fully constructed, so the factory may use the subclass's fields (a Redis client, say).
 */
public abstract class PresenceStoreContract {

    /** The node lease used in these tests. */
    protected static final Duration LEASE = Duration.ofSeconds(6);

    protected final MutableClock clock = MutableClock.atSeedDate();

    private final Identity ada = new Identity("ada", "member", "Ada Lovelace");
    private final Identity grace = new Identity("grace", "admin", "Grace Hopper");

    /** A new, empty store reading time from {@code clock}. */
    protected abstract PresenceStore createStore(MutableClock clock);

    /**
     * Another node's view of the same store (for stores that nodes share), or the same store when there
     * is only one node.
     */
    protected PresenceStore secondNode() {
        return store;
    }

    private PresenceStore store;

    /** Not in a field initializer: that would run before the subclass's own fields are set. */
    @BeforeEach
    void createStoreUnderTest() {
        store = createStore(clock);
        store.heartbeat("n1", LEASE);
        store.heartbeat("n2", LEASE);
    }

    @Test
    void aUsersFirstSessionJoinsOnline() {
        PresenceEvent event = store.join(ada, "tab-1", "n1").orElseThrow();
        assertThat(event.type()).isEqualTo(PresenceEvent.Type.JOIN);
        assertThat(event.presence().status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(event.presence().name()).isEqualTo("Ada Lovelace");
        assertThat(event.presence().role()).isEqualTo("member");
        assertThat(event.presence().lastSeen()).isEqualTo(clock.instant());
        assertThat(store.get("ada")).map(UserPresence::sessions).contains(1);
    }

    @Test
    void twoTabsOfOneUserOnTwoNodesCloseOneAtATime() {
        store.join(ada, "tab-1", "n1");
        assertThat(secondNode().join(ada, "tab-2", "n2")).isEmpty();
        assertThat(store.get("ada").orElseThrow().sessions()).isEqualTo(2);

        assertThat(store.leave("ada", "tab-1")).isEmpty();
        assertThat(secondNode().get("ada").orElseThrow().status()).isEqualTo(PresenceStatus.ONLINE);

        clock.advance(Duration.ofSeconds(5));
        PresenceEvent left = secondNode().leave("ada", "tab-2").orElseThrow();
        assertThat(left.type()).isEqualTo(PresenceEvent.Type.LEAVE);
        assertThat(left.presence().status()).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(left.presence().lastSeen()).isEqualTo(clock.instant());
        assertThat(store.get("ada")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aUserIsAwayOnlyWhenEverySessionIsAway() {
        store.join(ada, "tab-1", "n1");
        store.join(ada, "tab-2", "n1");
        assertThat(store.update("ada", "tab-1", PresenceStatus.AWAY, null, null)).isEmpty();
        PresenceEvent away = store.update("ada", "tab-2", PresenceStatus.AWAY, null, null).orElseThrow();
        assertThat(away.type()).isEqualTo(PresenceEvent.Type.UPDATE);
        assertThat(away.presence().status()).isEqualTo(PresenceStatus.AWAY);
        PresenceEvent back = store.update("ada", "tab-1", PresenceStatus.ONLINE, null, null).orElseThrow();
        assertThat(back.presence().status()).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void anUpdateKeepsAbsentTextAndClearsEmptyText() {
        store.join(ada, "tab-1", "n1");
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
        store.join(ada, "tab-1", "n1");
        store.update("ada", "tab-1", PresenceStatus.ONLINE, "Lab 1", null);
        clock.advance(Duration.ofSeconds(3));
        assertThat(store.update("ada", "tab-1", PresenceStatus.ONLINE, "Lab 1", null)).isEmpty();
        assertThat(store.get("ada").orElseThrow().lastSeen()).isEqualTo(clock.instant());
    }

    @Test
    void updatesAndLeavesOfUnknownSessionsAreIgnored() {
        assertThat(store.update("ada", "nope", PresenceStatus.AWAY, "x", null)).isEmpty();
        assertThat(store.leave("ada", "nope")).isEmpty();
        store.join(ada, "tab-1", "n1");
        assertThat(store.update("ada", "tab-9", PresenceStatus.AWAY, "x", null)).isEmpty();
        assertThat(store.get("ada").orElseThrow().location()).isNull();
    }

    @Test
    void sessionsLastAsLongAsTheirNodesLease() {
        store.join(ada, "tab-1", "n1");
        store.join(grace, "laptop", "n2");
        clock.advance(LEASE.minusSeconds(1));
        assertThat(store.heartbeat("n2", LEASE)).as("n2's lease was alive").isTrue();
        assertThat(store.expire()).isEmpty();
        assertThat(store.nodes()).containsExactlyInAnyOrder("n1", "n2");

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.nodes()).containsExactly("n2");
        List<PresenceEvent> events = store.expire();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(PresenceEvent.Type.LEAVE);
            assertThat(event.presence().userId()).isEqualTo("ada");
        });
        assertThat(store.list()).extracting(UserPresence::userId).containsExactly("grace");
        assertThat(store.heartbeat("n1", LEASE)).as("n1's lease had lapsed").isFalse();
    }

    @Test
    void aDeadNodesUsersWithASessionElsewhereStayOnline() {
        store.join(ada, "tab-1", "n1");
        secondNode().join(ada, "tab-2", "n2");
        clock.advance(LEASE.plusSeconds(1));
        secondNode().heartbeat("n2", LEASE);
        assertThat(secondNode().expire()).isEmpty();
        assertThat(store.get("ada")).map(UserPresence::sessions).contains(1);
    }

    @Test
    void aCheckInLastsItsOwnLeaseAndARepeatedCheckInRenewsIt() {
        store.checkIn(ada, "badge", Duration.ofHours(8));
        clock.advance(Duration.ofHours(7));
        store.heartbeat("n1", LEASE);
        assertThat(store.expire()).isEmpty();
        assertThat(store.checkIn(ada, "badge", Duration.ofHours(8))).isEmpty();
        clock.advance(Duration.ofHours(7));
        assertThat(store.expire()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(store.expire()).singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(PresenceEvent.Type.LEAVE));
    }

    @Test
    void whenNodesExpireAtOnceEachLeaveIsReportedExactlyOnce() throws Exception {
        for (int i = 0; i < 50; i++) {
            store.join(new Identity("user" + i, "member", null), "tab-" + i, "n1");
        }
        clock.advance(LEASE.plusSeconds(1));
        List<PresenceStore> nodes = List.of(store, secondNode(), store, secondNode());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<PresenceEvent>>> results = new ArrayList<>();
        for (PresenceStore node : nodes) {
            results.add(pool.submit(() -> {
                start.await();
                return node.expire();
            }));
        }
        start.countDown();
        List<String> left = new ArrayList<>();
        for (Future<List<PresenceEvent>> result : results) {
            result.get(30, TimeUnit.SECONDS).forEach(event -> left.add(event.presence().userId()));
        }
        pool.shutdown();
        assertThat(left).hasSize(50).doesNotHaveDuplicates();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theListHoldsEveryPresentUserWithTheirPayload() {
        store.join(ada, "tab-1", "n1");
        store.join(grace, "laptop", "n2");
        store.update("grace", "laptop", PresenceStatus.AWAY, "Bio lab", null);
        assertThat(store.list()).extracting(UserPresence::userId).containsExactlyInAnyOrder("ada", "grace");
        var payload = secondNode().get("grace").orElseThrow().toPayload();
        assertThat(payload.status()).isEqualTo(PresenceStatus.AWAY);
        assertThat(payload.location()).isEqualTo("Bio lab");
        assertThat(payload.metadata().role()).isEqualTo("admin");
        assertThat(Instant.parse(payload.lastSeen())).isEqualTo(clock.instant());
    }
}
