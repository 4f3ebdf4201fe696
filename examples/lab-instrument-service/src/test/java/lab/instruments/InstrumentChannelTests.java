package lab.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example service over real STOMP on a real socket, as a lab member's browser would use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yujian.jwt.secret=" + TestTokens.SECRET)
class InstrumentChannelTests {

    private static final String FREEZER = "instruments.freezer-1";

    @LocalServerPort
    int port;

    private final List<StompTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(StompTestClient::close);
    }

    private StompTestClient connected(String user, String role) {
        StompTestClient client = StompTestClient.open(URI.create("ws://localhost:" + port + "/ws"));
        clients.add(client);
        assertThat(client.connect(DevTokens.sign(TestTokens.SECRET, user, role, "User " + user, Instant.now()))
                .command()).isEqualTo("CONNECTED");
        client.subscribeAll();
        return client;
    }

    @Test
    void aMemberGetsSubscribedThenTheLatestReadingThenSequencedReadings() {
        StompTestClient ada = connected("ada", "member");
        ada.subscribe("/topic/" + FREEZER, "freezer");
        SubscribedMessage subscribed = ada.awaitReply(SubscribedMessage.class);
        assertThat(subscribed.channels()).containsExactly(FREEZER);
        assertThat(subscribed.failed()).isEmpty();

        InitialDataMessage initial = ada.awaitReply(InitialDataMessage.class);
        assertThat(initial.channel()).isEqualTo(FREEZER);
        assertThat(initial.payload().get("instrumentId").asString()).isEqualTo("freezer-1");
        assertThat(initial.payload().get("temperatureC").isNumber()).isTrue();
        assertThat(Instant.parse(initial.payload().get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));

        // DATA travels apart from INITIAL_DATA: what the state already holds is dropped by sequence
        DataMessage first = ada.awaitTopic(FREEZER, DataMessage.class);
        while (first.sequence() <= initial.sequence()) {
            first = ada.awaitTopic(FREEZER, DataMessage.class);
        }
        DataMessage second = ada.awaitTopic(FREEZER, DataMessage.class);
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.epoch()).isEqualTo(first.epoch()).isEqualTo(initial.epoch());
        assertThat(Instant.parse(second.payload().get("timestamp").asString()))
                .isAfter(Instant.parse(first.payload().get("timestamp").asString()));
        assertThat(first.payload().get("temperatureC").asDouble()).isBetween(-86.0, -74.0);
    }

    @Test
    void aMembersPublishIsDeniedBecauseOnlyTheServicePublishes() {
        for (String role : List.of("member", "admin")) {
            StompTestClient client = connected("pub-" + role, role);
            client.send("/app/publish", "{\"channel\":\"" + FREEZER + "\",\"payload\":{\"instrumentId\":\"freezer-1\","
                    + "\"temperatureC\":20.0,\"timestamp\":\"" + Instant.now() + "\"}}");
            ErrorMessage error = client.awaitReply(ErrorMessage.class);
            assertThat(error.code()).as(role).isEqualTo(ErrorCode.PUBLISH_DENIED);
        }
    }

    @Test
    void aViewerMayNotReadTheInstruments() {
        StompTestClient vic = connected("vic", "viewer");
        vic.subscribe("/topic/" + FREEZER, "freezer");
        assertThat(vic.awaitReply(SubscribedMessage.class).failed())
                .containsExactly(new SubscriptionFailure(FREEZER, ErrorCode.ACCESS_DENIED));
    }

    @Test
    void anInstrumentIdOfTheWrongFormIsChannelNotFound() {
        StompTestClient ada = connected("ada2", "member");
        ada.subscribe("/topic/instruments.freezer+1", "bad");
        assertThat(ada.awaitReply(SubscribedMessage.class).failed())
                .containsExactly(new SubscriptionFailure("instruments.freezer+1", ErrorCode.CHANNEL_NOT_FOUND));
        ada.subscribe("/topic/instruments", "bare");
        assertThat(ada.awaitReply(SubscribedMessage.class).failed())
                .containsExactly(new SubscriptionFailure("instruments", ErrorCode.CHANNEL_NOT_FOUND));
    }

    @Test
    void thePageAndTheClientPackageItImportsAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String page = get(http, "/").body();
        assertThat(page).contains("\"@yujian/realtime\": \"/lib/realtime/index.js\"").contains("/app.js");
        assertThat(get(http, "/app.js").body()).contains("from '@yujian/realtime'");
        HttpResponse<String> client = get(http, "/lib/realtime/index.js");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("RealtimeClient");
        assertThat(get(http, "/lib/realtime/RealtimeClient.js").statusCode()).isEqualTo(200);
        assertThat(get(http, "/lib/stompjs/index.js").statusCode()).isEqualTo(200);
        assertThat(get(http, "/error").statusCode()).as("not a public path: a token is needed").isEqualTo(401);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
