package lab.yujian.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminTests extends AppTestBase {

    @Test
    void adminsCreateUsersWhoCanThenSignIn() {
        createUser("newbie", "member");
        assertThat(admin().get("/api/admin/users").json().findValuesAsString("username")).contains("admin", "newbie");
        assertThat(signedInAs("newbie").get("/api/auth/me").json().get("role").asString()).isEqualTo("member");
    }

    @Test
    void badUserRequestsAreRefusedNamingTheField() {
        Http admin = admin();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"Bad Name\",\"name\":\"x\",\"password\":\"long-enough\",\"role\":\"member\"}")
                .json().get("details").get("field").asString()).isEqualTo("username");
        assertThat(admin.post("/api/admin/users", "{\"username\":\"shortpw\",\"name\":\"x\",\"password\":\"short\",\"role\":\"member\"}")
                .json().get("details").get("field").asString()).isEqualTo("password");
        assertThat(admin.post("/api/admin/users", "{\"username\":\"badrole\",\"name\":\"x\",\"password\":\"long-enough\",\"role\":\"king\"}")
                .json().get("details").get("field").asString()).isEqualTo("role");
        createUser("taken", "member");
        assertThat(admin.post("/api/admin/users", "{\"username\":\"taken\",\"name\":\"x\",\"password\":\"long-enough\",\"role\":\"member\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void onlyAdminsReachTheAdminApi() {
        createUser("curious", "moderator");
        Http.Response denied = signedInAs("curious").get("/api/admin/users");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void disablingAUserClosesTheirSessionsAndVoidsTheirToken() {
        String id = createUser("leaver", "member");
        String token = tokenOf("leaver", "password-leaver");
        StompTestClient session = stomp(token);
        assertThat(admin().patch("/api/admin/users/" + id, "{\"disabled\":true}").json().get("disabled").asBoolean()).isTrue();
        assertThat(session.awaitClose()).isEqualTo(1008);
        assertThat(http().bearer(token).get("/api/auth/me").status()).isEqualTo(401);
        assertThat(http().post("/api/auth/login", "{\"username\":\"leaver\",\"password\":\"password-leaver\"}").status())
                .isEqualTo(401);
        StompTestClient again = StompTestClient.open(java.net.URI.create("ws://localhost:" + port + "/ws"));
        try {
            assertThat(again.connect(token).header("message")).isEqualTo("AUTHENTICATION_FAILED");
        } finally {
            again.close();
        }
    }

    @Test
    void aRoleChangeTakesEffectWithTheNextSignIn() {
        String id = createUser("promoted", "member");
        String oldToken = tokenOf("promoted", "password-promoted");
        admin().patch("/api/admin/users/" + id, "{\"role\":\"moderator\"}");
        assertThat(http().bearer(oldToken).get("/api/auth/me").status()).isEqualTo(401);
        assertThat(signedInAs("promoted").get("/api/auth/me").json().get("role").asString()).isEqualTo("moderator");
    }

    @Test
    void theLastActiveAdminCannotBeDisabledOrDemoted() {
        JsonNode admin = admin().get("/api/admin/users").json().findParents("username").stream()
                .filter(u -> u.get("username").asString().equals("admin")).findFirst().orElseThrow();
        Http.Response refused = admin().patch("/api/admin/users/" + admin.get("id").asString(), "{\"role\":\"member\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("last active admin");
    }

    @Test
    void liveConnectionsAreListedAndCanBeDisconnected() {
        createUser("watched", "member");
        StompTestClient watcher = stomp(tokenOf("admin", ADMIN_PASSWORD));
        watcher.subscribe("/topic/presence", "p");
        watcher.awaitReply(InitialDataMessage.class);
        StompTestClient session = stomp(tokenOf("watched", "password-watched"));
        session.subscribe("/topic/presence", "p");
        awaitPresence(watcher, "watched", "online");
        JsonNode connection = admin().get("/api/admin/connections").json().findParents("clientId").stream()
                .filter(c -> c.get("name").asString().equals("User watched")).findFirst().orElseThrow();
        assertThat(connection.get("node").asString()).isNotBlank();
        assertThat(connection.get("connectedAt").asString()).isNotBlank();
        String clientId = connection.get("clientId").asString();

        assertThat(admin().delete("/api/admin/connections/" + clientId).status()).isEqualTo(204);
        assertThat(session.awaitClose()).isEqualTo(1008);
        assertThat(session.closeReason()).isEqualTo("Disconnected by an admin");
        awaitPresence(watcher, "watched", "offline");
        assertThat(admin().get("/api/presence").json().findValuesAsString("userId")).doesNotContain(userIdOf("watched"));
        assertThat(admin().get("/api/admin/connections").json().findValuesAsString("clientId")).doesNotContain(clientId);
        assertThat(admin().delete("/api/admin/connections/" + clientId).status()).isEqualTo(404);
    }

    private String userIdOf(String username) {
        return admin().get("/api/admin/users").json().findParents("username").stream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asString();
    }

    private void awaitPresence(StompTestClient watcher, String username, String status) {
        String userId = userIdOf(username);
        watcher.await(f -> StompTestClient.decode(f) instanceof DataMessage d && d.channel().equals("presence")
                && d.payload().get("userId").asString().equals(userId)
                && d.payload().get("status").asString().equals(status));
    }
}
