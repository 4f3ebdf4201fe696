package lab.yujian.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConnectionRegistry} must have. Implementations override {@link #createRegistry}.
 * Each test gets a fresh registry, created before each test once the subclass is fully constructed, so the
 * factory may use the subclass's fields (a Redis client, say).
 */
public abstract class ConnectionRegistryContract {

    protected final MutableClock clock = MutableClock.atSeedDate();

    /** A new, empty registry. */
    protected abstract ConnectionRegistry createRegistry();

    private ConnectionRegistry registry;

    /** Not in a field initializer: that would run before the subclass's own fields are set. */
    @BeforeEach
    void createRegistryUnderTest() {
        registry = createRegistry();
    }

    private Session session(String clientId, String userId) {
        return new Session(clientId, new Identity(userId, "member", userId), "node-a", clock.instant());
    }

    @Test
    void aSessionIsFoundByClientIdUntilRemoved() {
        Session tab = session("c1", "ada");
        registry.add(tab, clock.instant());
        assertThat(registry.get("c1")).contains(tab);
        assertThat(registry.sessionCount()).isEqualTo(1);
        assertThat(registry.remove("c1")).map(SessionState::session).contains(tab);
        assertThat(registry.get("c1")).isEmpty();
        assertThat(registry.remove("c1")).isEmpty();
        assertThat(registry.sessionCount()).isZero();
    }

    @Test
    void aClientIdIsRegisteredOnlyOnce() {
        registry.add(session("c1", "ada"), clock.instant());
        assertThatThrownBy(() -> registry.add(session("c1", "grace"), clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c1");
    }

    @Test
    void sessionsAreFoundByUser() {
        registry.add(session("c1", "ada"), clock.instant());
        registry.add(session("c2", "ada"), clock.instant());
        registry.add(session("c3", "grace"), clock.instant());
        assertThat(registry.clientIdsOf("ada")).containsExactlyInAnyOrder("c1", "c2");
        assertThat(registry.userCount()).isEqualTo(2);
        registry.remove("c1");
        registry.remove("c2");
        assertThat(registry.clientIdsOf("ada")).isEmpty();
        assertThat(registry.userCount()).isEqualTo(1);
    }

    @Test
    void subscriptionsAreCountedPerChannel() {
        registry.add(session("c1", "ada"), clock.instant());
        registry.add(session("c2", "grace"), clock.instant());
        assertThat(registry.subscribe("c1", "presence")).isTrue();
        assertThat(registry.subscribe("c2", "presence")).isTrue();
        assertThat(registry.subscribe("c2", "metrics")).isTrue();
        assertThat(registry.subscribe("c2", "metrics")).as("already joined").isFalse();
        assertThat(registry.subscribe("nobody", "metrics")).as("unknown session").isFalse();
        assertThat(registry.subscriberCount("presence")).isEqualTo(2);
        assertThat(registry.subscriberCounts()).isEqualTo(Map.of("presence", 2, "metrics", 1));
        assertThat(registry.isSubscribed("c2", "metrics")).isTrue();
        assertThat(registry.state("c2").orElseThrow().channels()).containsExactlyInAnyOrder("presence", "metrics");
        assertThat(registry.subscriptionCount("c2")).isEqualTo(2);
        assertThat(registry.subscriptionCount("nobody")).isZero();

        assertThat(registry.unsubscribe("c2", "metrics")).isTrue();
        assertThat(registry.unsubscribe("c2", "metrics")).isFalse();
        assertThat(registry.subscriberCounts()).isEqualTo(Map.of("presence", 2));
    }

    @Test
    void removingASessionDropsItsSubscriptionCounts() {
        registry.add(session("c1", "ada"), clock.instant());
        registry.subscribe("c1", "presence");
        registry.subscribe("c1", "announcements");
        SessionState last = registry.remove("c1").orElseThrow();
        assertThat(last.channels()).containsExactlyInAnyOrder("presence", "announcements");
        assertThat(registry.subscriberCounts()).isEmpty();
        assertThat(registry.subscriberCount("presence")).isZero();
    }

    @Test
    void idleSessionsAreThoseNotTouchedSinceTheCutoff() {
        registry.add(session("quiet", "ada"), clock.instant());
        registry.add(session("chatty", "grace"), clock.instant());
        clock.advance(Duration.ofMinutes(3));
        registry.touch("chatty", clock.instant());
        registry.touch("unknown", clock.instant());
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(2));
        assertThat(registry.idleSince(cutoff)).extracting(Session::clientId).containsExactly("quiet");
        assertThat(registry.state("chatty").orElseThrow().lastSeen()).isEqualTo(clock.instant());
    }

    @Test
    void listReturnsACopyOfEverySession() {
        registry.add(session("c1", "ada"), clock.instant());
        registry.subscribe("c1", "presence");
        var listed = registry.list();
        registry.subscribe("c1", "metrics");
        assertThat(listed).singleElement().satisfies(s -> assertThat(s.channels()).containsExactly("presence"));
    }
}
