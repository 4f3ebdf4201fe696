package lab.yujian.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testing.StompFrame;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;

class DeviceTests extends AppTestBase {

    private String newDeviceKey(String name) {
        Http.Response created = admin().post("/api/admin/devices", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("key").asString()).startsWith("yj_");
        return created.json().get("key").asString();
    }

    @Test
    void aBadgeCheckInMakesTheUserPresentAtTheLocationLive() {
        String userId = createUser("badged", "member");
        StompTestClient watcher = stomp(tokenOf("admin", ADMIN_PASSWORD));
        watcher.subscribe("/topic/presence", "p");
        watcher.awaitReply(SubscribedMessage.class);
        watcher.awaitReply(InitialDataMessage.class);

        Http reader = http().apiKey(newDeviceKey("Front door"));
        Http.Response checkin = reader.post("/api/devices/checkin", "{\"username\":\"badged\",\"location\":\"Front door\"}");
        assertThat(checkin.status()).as(checkin.body()).isEqualTo(200);
        assertThat(checkin.json().get("status").asString()).isEqualTo("online");
        assertThat(checkin.json().get("location").asString()).isEqualTo("Front door");

        StompFrame located = watcher.await(f -> StompTestClient.decode(f) instanceof DataMessage d
                && d.payload().path("userId").asString("").equals(userId) && d.payload().has("location"));
        assertThat(((DataMessage) StompTestClient.decode(located)).payload().get("location").asString()).isEqualTo("Front door");

        Http.Response out = reader.post("/api/devices/checkin", "{\"username\":\"badged\",\"checkout\":true}");
        assertThat(out.json().get("status").asString()).isEqualTo("offline");
        assertThat(admin().get("/api/presence").json().findValuesAsString("userId")).doesNotContain(userId);
    }

    @Test
    void devicesNeedAValidKeyAndARevokedKeyStopsWorking() {
        assertThat(http().post("/api/devices/checkin", "{\"username\":\"admin\"}").status()).isEqualTo(401);
        assertThat(http().apiKey("yj_guess").post("/api/devices/checkin", "{\"username\":\"admin\"}").code())
                .isEqualTo("AUTHENTICATION_FAILED");
        String key = newDeviceKey("Lost reader");
        String id = admin().get("/api/admin/devices").json().findParents("name").stream()
                .filter(d -> d.get("name").asString().equals("Lost reader")).findFirst().orElseThrow().get("id").asString();
        assertThat(admin().delete("/api/admin/devices/" + id).status()).isEqualTo(204);
        assertThat(http().apiKey(key).post("/api/devices/checkin", "{\"username\":\"admin\"}").status()).isEqualTo(401);
    }

    @Test
    void aCheckInOfAnUnknownUserIsRefused() {
        Http.Response refused = http().apiKey(newDeviceKey("Side door")).post("/api/devices/checkin", "{\"username\":\"ghost\"}");
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aServicesHealthReportAppearsInTheMetricsBroadcast() {
        StompTestClient watcher = stomp(tokenOf("admin", ADMIN_PASSWORD));
        watcher.subscribe("/topic/metrics", "m");
        watcher.awaitReply(SubscribedMessage.class);
        Http.Response report = http().apiKey(newDeviceKey("Sequencer")).post("/api/devices/health",
                "{\"services\":[{\"name\":\"sequencer\",\"status\":\"warning\",\"latency\":120.5}]}");
        assertThat(report.status()).as(report.body()).isEqualTo(202);
        StompFrame batch = watcher.await(f -> StompTestClient.decode(f) instanceof BatchMessage b
                && b.messages().stream().anyMatch(m -> m.payload().toString().contains("sequencer")));
        DataMessage sample = ((BatchMessage) StompTestClient.decode(batch)).messages().get(0);
        assertThat(sample.payload().get("services").findValuesAsString("name")).contains("database", "sequencer");
    }

    @Test
    void aMalformedHealthReportNamesTheField() {
        Http.Response bad = http().apiKey(newDeviceKey("Broken")).post("/api/devices/health",
                "{\"services\":[{\"name\":\"x\",\"status\":\"fine\",\"latency\":1}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_MESSAGE");
    }
}
