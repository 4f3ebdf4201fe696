package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.PresenceUpdateMessage;
import lab.yujian.protocol.payload.PresenceStatus;
import org.junit.jupiter.api.Test;

/** Presence as the hub keeps it: joins, updates, leaves, leases, check-ins, stale sessions. */
class HubPresenceTest extends HubTestSupport {

    @Test
    void presenceFollowsUpdatesAndTheLastSessionClosing() {
        Hub hub = hub();
        Session watching = subscribed(hub, watcher, "presence");
        Session ada = hub.connect(member);
        hub.receive(ada.clientId(), PresenceUpdateMessage.class,
                codec.encode(new PresenceUpdateMessage(PresenceStatus.AWAY, "Lab 2", null)));
        hub.disconnect(ada.clientId());
        hub.disconnect(ada.clientId());
        List<DataMessage> presence = dataTo(watching, "presence");
        assertThat(presence).extracting(m -> m.payload().get("status").asString())
                .containsExactly("online", "away", "offline");
        assertThat(presence.get(1).payload().get("location").asString()).isEqualTo("Lab 2");
        assertThat(presence).extracting(DataMessage::sequence).containsExactly(2L, 3L, 4L);
        assertThat(hub.presence().get("ada")).isEmpty();
    }

    @Test
    void maintenanceClosesSessionsSilentBeyondTheStaleThreshold() {
        Hub hub = hub();
        Session quiet = hub.connect(member);
        Session chatty = hub.connect(admin);
        clock.advance(Duration.ofSeconds(90));
        hub.touch(chatty.clientId());
        clock.advance(Duration.ofSeconds(31));
        hub.runMaintenance();
        assertThat(transport.closes()).extracting(RecordingTransport.Close::clientId).containsExactly(quiet.clientId());
        assertThat(transport.closes().get(0).code()).isEqualTo(CloseCode.GOING_AWAY);
        assertThat(hub.registry().get(quiet.clientId())).isEmpty();
        assertThat(hub.registry().get(chatty.clientId())).isPresent();
    }

    @Test
    void theHeartbeatKeepsTheNodesSessionsPresentWithoutRenewingThemOneByOne() {
        Hub hub = hub(c -> c.nodeLease(Duration.ofSeconds(6)), b -> { });
        hub.connect(member);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(2));
            hub.runPresenceHeartbeat();
        }
        assertThat(hub.presence().get("ada")).isPresent();
        assertThat(hub.presence().nodes()).containsExactly("node-t");
    }

    @Test
    void aNodeWhoseLeaseLapsedMakesItsSessionsPresentAgain() {
        Hub hub = hub(c -> c.nodeLease(Duration.ofSeconds(6)), b -> { });
        Session watching = subscribed(hub, watcher, "presence");
        hub.connect(member);
        clock.advance(Duration.ofSeconds(10)); // a long pause: the lease lapsed
        hub.runPresenceHeartbeat();
        assertThat(hub.presence().get("ada")).isPresent();
        assertThat(dataTo(watching, "presence")).extracting(m -> m.payload().get("status").asString())
                .as("never seen offline: rejoined before expiring").doesNotContain("offline");
    }

    @Test
    void whenANodeDiesAnotherBroadcastsItsUsersLeavingExactlyOnce() {
        InMemoryPresenceStore shared = new InMemoryPresenceStore(clock);
        Hub dying = hub(c -> c.nodeId("node-a").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Hub survivor = hub(c -> c.nodeId("node-b").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Session watching = subscribed(survivor, watcher, "presence");
        dying.connect(member);
        dying.close(); // stops heartbeating, as a killed node does
        clock.advance(Duration.ofSeconds(7));
        survivor.runPresenceHeartbeat();
        survivor.runPresenceHeartbeat();
        assertThat(dataTo(watching, "presence")).filteredOn(m -> m.payload().get("userId").asString().equals("ada"))
                .extracting(m -> m.payload().get("status").asString()).containsExactly("offline");
        assertThat(shared.get("ada")).isEmpty();
    }

    @Test
    void aUserHandedOverByAStoppingNodeWhoReconnectsElsewhereNeverGoesOffline() {
        InMemoryPresenceStore shared = new InMemoryPresenceStore(clock);
        Hub stopping = hub(c -> c.nodeId("node-a").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Hub survivor = hub(c -> c.nodeId("node-b").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Session watching = subscribed(survivor, watcher, "presence");
        Session old = stopping.connect(member);
        stopping.handOver(old.clientId());
        stopping.handOver(old.clientId());
        assertThat(stopping.registry().get(old.clientId())).isEmpty();
        survivor.connect(member); // the client reconnected to the other node
        stopping.close();
        clock.advance(Duration.ofSeconds(7));
        survivor.runPresenceHeartbeat();
        assertThat(dataTo(watching, "presence")).filteredOn(m -> m.payload().get("userId").asString().equals("ada"))
                .extracting(m -> m.payload().get("status").asString()).doesNotContain("offline");
        assertThat(shared.get("ada")).isPresent();
    }

    @Test
    void aHandedOverUserWhoDoesNotComeBackGoesOfflineOnceTheStoppedNodesLeaseLapses() {
        InMemoryPresenceStore shared = new InMemoryPresenceStore(clock);
        Hub stopping = hub(c -> c.nodeId("node-a").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Hub survivor = hub(c -> c.nodeId("node-b").nodeLease(Duration.ofSeconds(6)), b -> b.presence(shared));
        Session watching = subscribed(survivor, watcher, "presence");
        stopping.handOver(stopping.connect(member).clientId());
        stopping.close();
        survivor.runPresenceHeartbeat();
        assertThat(shared.get("ada")).as("present until the lease lapses").isPresent();
        clock.advance(Duration.ofSeconds(7));
        survivor.runPresenceHeartbeat();
        survivor.runPresenceHeartbeat();
        assertThat(dataTo(watching, "presence")).filteredOn(m -> m.payload().get("userId").asString().equals("ada"))
                .extracting(m -> m.payload().get("status").asString()).containsExactly("offline");
    }

    @Test
    void aCheckInMakesAUserPresentWithoutAConnectionUntilCheckOut() {
        Hub hub = hub();
        Session watching = subscribed(hub, watcher, "presence");
        var present = hub.checkIn(member, "badge-door-1", "Main entrance", Duration.ofHours(8));
        assertThat(present.status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(present.location()).isEqualTo("Main entrance");
        assertThat(hub.registry().sessionCount()).isEqualTo(1);
        assertThat(dataTo(watching, "presence")).extracting(m -> m.payload().get("status").asString())
                .containsExactly("online", "online");

        clock.advance(Duration.ofHours(1));
        hub.runPresenceHeartbeat();
        assertThat(hub.presence().get("ada")).isPresent();
        assertThat(hub.checkOut("ada", "badge-door-1")).isEmpty();
        assertThat(dataTo(watching, "presence").get(2).payload().get("status").asString()).isEqualTo("offline");
    }

    @Test
    void aCheckInLapsesAfterItsLease() {
        Hub hub = hub();
        hub.checkIn(member, "badge", null, Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));
        hub.runPresenceHeartbeat();
        assertThat(hub.presence().get("ada")).isEmpty();
    }
}
