package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.SequenceRange;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SyncResponseMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The contract at small limits: a short history and a short stale threshold. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yujian.history.max-size=5", "yujian.stale-after=2s", "yujian.maintenance-interval=500ms"})
class StompShortLimitsTests extends StompServerTest {

    @Test
    void recoveryPastTheHistoryBoundSaysNotRecoveredWithTheReasonThenSendsInitialData() {
        StompTestClient root = connected("root", "admin");
        root.subscribe("/topic/activity", "a");
        root.awaitReply(SubscribedMessage.class);
        root.awaitReply(InitialDataMessage.class);
        for (int i = 1; i <= 12; i++) {
            root.send("/app/publish", "{\"channel\":\"activity\",\"payload\":{\"id\":\"b" + i + "\",\"type\":\"action\","
                    + "\"userId\":\"root\",\"message\":\"m" + i + "\",\"timestamp\":\"2026-02-02T09:00:00Z\"}}");
        }
        DataMessage last = null;
        for (int i = 1; i <= 12; i++) {
            last = root.awaitTopic("activity", DataMessage.class);
        }
        root.send("/app/sync", "{\"channel\":\"activity\",\"lastSequence\":" + (last.sequence() - 10) + "}");
        SyncResponseMessage sync = root.awaitReply(SyncResponseMessage.class);
        assertThat(sync.recovered()).isFalse();
        assertThat(sync.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(sync.missing()).isEqualTo(new SequenceRange(last.sequence() - 9, last.sequence() - 5));
        InitialDataMessage fresh = root.awaitReply(InitialDataMessage.class);
        assertThat(fresh.sequence()).isEqualTo(last.sequence());
        assertThat(fresh.payload()).hasSize(5);
    }

    @Test
    void aSessionSilentBeyondTheStaleThresholdIsClosedAndCleanedUp() {
        StompTestClient quiet = connected("quiet", "member");
        int code = quiet.awaitClose();
        assertThat(code).isEqualTo(1001);
        assertThat(quiet.closeReason()).isEqualTo("Connection timeout");
        assertThat(hub.registry().clientIdsOf("quiet")).isEmpty();
        assertThat(hub.presence().get("quiet")).isEmpty();
    }
}
