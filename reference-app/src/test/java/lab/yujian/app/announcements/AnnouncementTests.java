package lab.yujian.app.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnnouncementTests extends AppTestBase {

    @Test
    void anAdminsAnnouncementIsStoredAndBroadcastToMembers() {
        createUser("reader", "member");
        StompTestClient member = stomp(tokenOf("reader", "password-reader"));
        member.subscribe("/topic/announcements", "a");
        member.awaitReply(SubscribedMessage.class);
        member.awaitReply(InitialDataMessage.class);

        Http.Response posted = admin().post("/api/announcements",
                "{\"priority\":\"urgent\",\"title\":\"Fire drill\",\"content\":\"At 11:00, leave by the east stairs\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().get("id").asString();
        assertThat(posted.json().get("author").get("name").asString()).isEqualTo("Administrator");

        DataMessage data = member.awaitTopic("announcements", DataMessage.class);
        assertThat(data.payload().get("id").asString()).isEqualTo(id);
        assertThat(data.payload().get("priority").asString()).isEqualTo("urgent");
        assertThat(signedInAs("reader").get("/api/announcements").json().findValuesAsString("id")).contains(id);
    }

    @Test
    void membersMayNotPost() {
        createUser("plainmember", "member");
        Http.Response refused = signedInAs("plainmember").post("/api/announcements", "{\"title\":\"x\",\"content\":\"y\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void aModeratorsStompPublishIsStoredBeforeItIsBroadcast() {
        createUser("mod1", "moderator");
        StompTestClient moderator = stomp(tokenOf("mod1", "password-mod1"));
        moderator.subscribe("/topic/announcements", "a");
        moderator.awaitReply(SubscribedMessage.class);
        moderator.send("/app/publish", "{\"channel\":\"announcements\",\"payload\":{\"id\":\"stomp-1\",\"priority\":\"low\","
                + "\"title\":\"Cake\",\"content\":\"In the kitchen\",\"author\":{\"userId\":\"someone\",\"name\":\"Forged\"},"
                + "\"timestamp\":\"2020-01-01T00:00:00Z\"}}");
        JsonNode payload = moderator.awaitTopic("announcements", DataMessage.class).payload();
        assertThat(payload.get("author").get("name").asString()).as("the server sets the author").isEqualTo("User mod1");
        assertThat(Instant.parse(payload.get("timestamp").asString())).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(admin().get("/api/announcements").json().findValuesAsString("id")).contains("stomp-1");
    }

    @Test
    void anExpiredAnnouncementIsBroadcastAgainAndNoLongerListed() {
        String id = admin().post("/api/announcements", "{\"title\":\"Temporary\",\"content\":\"soon gone\"}").json()
                .get("id").asString();
        Http.Response expired = admin().post("/api/announcements/" + id + "/expire", null);
        assertThat(expired.status()).isEqualTo(200);
        assertThat(Instant.parse(expired.json().get("expiresAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(admin().get("/api/announcements").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(admin().post("/api/announcements/no-such-id/expire", null).status()).isEqualTo(404);
    }

    @Test
    void badDraftsAreRefusedNamingTheField() {
        Http.Response untitled = admin().post("/api/announcements", "{\"content\":\"no title\"}");
        assertThat(untitled.code()).isEqualTo("MISSING_FIELD");
        assertThat(untitled.json().get("details").get("field").asString()).isEqualTo("title");
        Http.Response past = admin().post("/api/announcements",
                "{\"title\":\"t\",\"content\":\"c\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("expiresAt");
    }

    @Test
    void aSubscribersInitialDataHoldsTheActiveAnnouncementsFromTheDatabase() {
        String id = admin().post("/api/announcements", "{\"title\":\"Still here\",\"content\":\"after restarts too\"}")
                .json().get("id").asString();
        createUser("late", "member");
        StompTestClient late = stomp(tokenOf("late", "password-late"));
        late.subscribe("/topic/announcements", "a");
        late.awaitReply(SubscribedMessage.class);
        InitialDataMessage initial = late.awaitReply(InitialDataMessage.class);
        assertThat(initial.payload().findValuesAsString("id")).contains(id);
    }

    @Test
    void aMemberStompPublishIsDenied() {
        createUser("sneaky", "member");
        StompTestClient member = stomp(tokenOf("sneaky", "password-sneaky"));
        member.send("/app/publish", "{\"channel\":\"announcements\",\"payload\":{}}");
        ErrorMessage error = member.awaitReply(ErrorMessage.class);
        assertThat(error.code()).isIn(ErrorCode.PUBLISH_DENIED, ErrorCode.MISSING_FIELD);
    }
}
