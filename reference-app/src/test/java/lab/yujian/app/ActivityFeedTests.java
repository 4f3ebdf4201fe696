package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;

class ActivityFeedTests extends AppTestBase {

    @Test
    void joinsLeavesAndAnnouncementsAppearInTheFeedLive() {
        StompTestClient admin = stomp(tokenOf("admin", ADMIN_PASSWORD));
        admin.subscribe("/topic/activity", "a");
        admin.awaitReply(SubscribedMessage.class);
        admin.awaitReply(InitialDataMessage.class);

        createUser("joiner", "member");
        stomp(tokenOf("joiner", "password-joiner")).close();
        assertThat(nextActivity(admin, "User joiner came online")).isEqualTo("join");
        assertThat(nextActivity(admin, "User joiner went offline")).isEqualTo("leave");
        this.admin().post("/api/announcements", "{\"title\":\"Seminar\",\"content\":\"Room 2\"}");
        assertThat(nextActivity(admin, "posted an announcement: Seminar")).isEqualTo("announcement");

        Http.Response feed = this.admin().get("/api/activity?limit=10");
        assertThat(feed.json().findValuesAsString("message")).anyMatch(m -> m.contains("User joiner went offline"));
    }

    private static String nextActivity(StompTestClient client, String text) {
        StompFrame frame = client.await(f -> StompTestClient.decode(f) instanceof DataMessage d
                && d.channel().equals("activity") && d.payload().get("message").asString().contains(text));
        return ((DataMessage) StompTestClient.decode(frame)).payload().get("type").asString();
    }

    @Test
    void activityPublishedByAClientIsStoredSoTheNextSnapshotHasIt() {
        StompTestClient admin = stomp(tokenOf("admin", ADMIN_PASSWORD));
        String entry = "{\"channel\":\"activity\",\"payload\":{\"id\":\"bench-check-1\",\"type\":\"action\","
                + "\"userId\":\"admin\",\"message\":\"calibrated the microscope\",\"timestamp\":\"2026-02-02T09:00:00Z\"}}";
        admin.subscribe("/topic/activity", "a");
        admin.awaitReply(InitialDataMessage.class);
        admin.send("/app/publish", entry);
        long sequence = admin.awaitTopic("activity", DataMessage.class).sequence();

        StompTestClient later = stomp(tokenOf("admin", ADMIN_PASSWORD));
        later.subscribe("/topic/activity", "a");
        InitialDataMessage snapshot = later.awaitReply(InitialDataMessage.class);
        assertThat(snapshot.sequence()).isGreaterThanOrEqualTo(sequence);
        assertThat(snapshot.payload().findValuesAsString("message")).contains("calibrated the microscope");

        admin.send("/app/publish", entry);
        ErrorMessage again = admin.awaitReply(ErrorMessage.class);
        assertThat(again.code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(again.message()).contains("bench-check-1");
        admin.send("/app/publish", entry.replace("bench-check-1", "x".repeat(65)));
        ErrorMessage tooLong = admin.awaitReply(ErrorMessage.class);
        assertThat(tooLong.message()).contains("'payload.id' must be at most 64");
        assertThat(tooLong.details().get("field").asString()).isEqualTo("payload.id");
    }

    @Test
    void membersCannotReadTheFeed() {
        createUser("nosy", "member");
        Http.Response denied = signedInAs("nosy").get("/api/activity");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("ACCESS_DENIED");
        assertThat(admin().get("/api/activity?limit=0").status()).isEqualTo(400);
    }
}
