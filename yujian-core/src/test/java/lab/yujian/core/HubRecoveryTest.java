package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SyncRequestMessage;
import lab.yujian.protocol.SyncResponseMessage;
import org.junit.jupiter.api.Test;

/** {@code REQUEST_SYNC}: what a client that missed messages gets back. */
class HubRecoveryTest extends HubTestSupport {

    private void sync(Hub hub, Session session, String channel, long lastSequence, String epoch) {
        hub.receive(session.clientId(), SyncRequestMessage.class,
                codec.encode(new SyncRequestMessage(channel, lastSequence, epoch)));
    }

    @Test
    void aSyncReturnsEveryMissedMessageInOrder() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        for (int i = 1; i <= 9; i++) {
            hub.publish(admin, Channel.ACTIVITY, activity("m" + i));
        }
        String epoch = hub.history().position("activity").epoch();
        sync(hub, grace, "activity", 2L, epoch);
        SyncResponseMessage sync = transport.repliesTo(grace.clientId(), SyncResponseMessage.class).get(0);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.currentSequence()).isEqualTo(9);
        assertThat(sync.messages()).extracting(DataMessage::sequence).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(sync.messages()).extracting(m -> m.payload().get("message").asString()).startsWith("m3", "m4");
        assertThat(transport.repliesTo(grace.clientId(), InitialDataMessage.class)).isEmpty();
    }

    @Test
    void aSyncFromNothingSeenRecoversEverythingWhateverEpochTheClientHad() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        hub.publish(admin, Channel.ACTIVITY, activity("first"));
        sync(hub, grace, "activity", 0L, "an-epoch-of-the-empty-channel");
        SyncResponseMessage sync = transport.repliesTo(grace.clientId(), SyncResponseMessage.class).get(0);
        assertThat(sync.recovered()).isTrue();
        assertThat(sync.messages()).extracting(DataMessage::sequence).containsExactly(1L);
    }

    @Test
    void aSyncOfAChannelTheRoleCannotReadIsDenied() {
        Hub hub = hub();
        Session ada = hub.connect(member);
        hub.publish(admin, Channel.ACTIVITY, activity("secret"));
        sync(hub, ada, "activity", 0L, null);
        assertThat(lastError(ada.clientId()).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(transport.repliesTo(ada.clientId(), SyncResponseMessage.class)).isEmpty();
    }

    @Test
    void aSyncThatCannotRecoverSaysWhyAndIsFollowedByInitialData() {
        Hub hub = hub();
        Session grace = hub.connect(admin);
        hub.publish(admin, Channel.ACTIVITY, activity("m1"));
        sync(hub, grace, "activity", 5L, "old-epoch");
        List<ServerMessage> replies = transport.repliesTo(grace.clientId());
        assertThat(replies.get(replies.size() - 2)).isInstanceOfSatisfying(SyncResponseMessage.class, sync -> {
            assertThat(sync.recovered()).isFalse();
            assertThat(sync.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
            assertThat(sync.messages()).isEmpty();
        });
        assertThat(replies.get(replies.size() - 1)).isInstanceOfSatisfying(InitialDataMessage.class, initial -> {
            assertThat(initial.channel()).isEqualTo("activity");
            assertThat(initial.sequence()).isEqualTo(1);
            assertThat(initial.payload().get(0).get("message").asString()).isEqualTo("m1");
        });
    }
}
