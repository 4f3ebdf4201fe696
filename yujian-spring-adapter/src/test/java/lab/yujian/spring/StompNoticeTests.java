package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lab.yujian.core.NoticeResult;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.NoticeMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Notices to one user ({@code Hub.notifyUser}) over real STOMP on real WebSockets. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StompNoticeTests extends StompServerTest {

    private static final Identity ROOT = new Identity("root", Identity.ADMIN, "Root");

    private static boolean isNotice(lab.yujian.spring.testing.StompFrame frame) {
        return frame.body() != null && frame.body().startsWith("{\"type\":\"NOTICE\"");
    }

    /** A session of the user whose reply queue is live (a notice sent before it would be dropped). */
    private StompTestClient tab(String userId, String role) {
        StompTestClient client = connected(userId, role);
        client.barrier();
        return client;
    }

    @Test
    void aNoticeReachesBothTabsOfTheUserAndNoOneElse() {
        StompTestClient tab1 = tab("ada", "member");
        StompTestClient tab2 = tab("ada", "member");
        StompTestClient bob = tab("bob", "member");

        NoticeResult result = hub.notifyUser("ada", ROOT, Map.of("text", "Your booking is ready"));

        assertThat(result.delivered()).isEqualTo(2);
        assertThat(result.undelivered()).isFalse();
        for (StompTestClient tab : new StompTestClient[] {tab1, tab2}) {
            NoticeMessage notice = tab.awaitReply(NoticeMessage.class);
            assertThat(notice.payload().get("text").asString()).isEqualTo("Your booking is ready");
            assertThat(notice.sequence()).isEqualTo(1);
            assertThat(notice.sender().userId()).isEqualTo("root");
        }
        bob.barrier();
        assertThat(bob.hasReceived(StompNoticeTests::isNotice)).isFalse();
    }

    @Test
    void theUsersNoticeSequenceRisesByOneAndStartsAgainOnceTheUserHasNoSession() {
        StompTestClient tab = tab("grace", "member");
        hub.notifyUser("grace", ROOT, Map.of("n", 1));
        hub.notifyUser("grace", ROOT, Map.of("n", 2));
        assertThat(tab.awaitReply(NoticeMessage.class).sequence()).isEqualTo(1);
        assertThat(tab.awaitReply(NoticeMessage.class).sequence()).isEqualTo(2);

        tab.sendRaw("DISCONNECT\nreceipt:bye\n\n\0"); // the hub forgets the session before the receipt
        tab.await(f -> "RECEIPT".equals(f.command()));
        assertThat(hub.registry().clientIdsOf("grace")).isEmpty();
        StompTestClient later = tab("grace", "member");
        hub.notifyUser("grace", ROOT, Map.of("n", 3));
        assertThat(later.awaitReply(NoticeMessage.class).sequence()).isEqualTo(1);
    }

    @Test
    void aNoticeToAUserWithNoSessionIsReportedUndelivered() {
        tab("bob", "member");
        NoticeResult result = hub.notifyUser("nobody", ROOT, Map.of("text", "hello?"));
        assertThat(result.delivered()).isZero();
        assertThat(result.undelivered()).isTrue();
    }
}
