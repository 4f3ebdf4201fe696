package lab.yujian.app.notices;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.NoticeMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;

class NoticeTests extends AppTestBase {

    @Test
    void anAdminsNoticeReachesTheUsersSessionAndIsAnsweredWithTheCount() {
        String userId = createUser("booker", "member");
        StompTestClient tab = stomp(tokenOf("booker", "password-booker"));
        tab.barrier();

        Http.Response sent = admin().post("/api/notices", "{\"userId\":\"" + userId
                + "\",\"payload\":{\"text\":\"Your booking is ready\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("delivered").asInt()).isEqualTo(1);
        NoticeMessage notice = tab.awaitReply(NoticeMessage.class);
        assertThat(notice.payload().get("text").asString()).isEqualTo("Your booking is ready");
        assertThat(notice.sequence()).isEqualTo(1);
    }

    @Test
    void aNoticeToAUserWithoutASessionIs404UserNotConnected() {
        String userId = createUser("away-user", "member");
        Http.Response sent = admin().post("/api/notices", "{\"userId\":\"" + userId + "\",\"payload\":\"hi\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(404);
        assertThat(sent.code()).isEqualTo("USER_NOT_CONNECTED");
    }

    @Test
    void membersMayNotSendNoticesAndAPayloadIsRequired() {
        createUser("plain", "member");
        assertThat(signedInAs("plain").post("/api/notices", "{\"userId\":\"x\",\"payload\":1}").status()).isEqualTo(403);
        Http.Response missing = admin().post("/api/notices", "{\"userId\":\"x\"}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    }

    @Test
    void aDeviceKeySendsANoticeAsTheDevice() {
        String userId = createUser("lab-user", "member");
        StompTestClient tab = stomp(tokenOf("lab-user", "password-lab-user"));
        tab.barrier();
        String key = admin().post("/api/admin/devices", "{\"name\":\"Booking service\"}").json().get("key").asString();

        Http.Response sent = http().apiKey(key).post("/api/devices/notices", "{\"userId\":\"" + userId
                + "\",\"payload\":{\"room\":\"B3\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(tab.awaitReply(NoticeMessage.class).sender().userId()).startsWith("device:");
    }
}
