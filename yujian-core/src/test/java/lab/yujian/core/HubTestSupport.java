package lab.yujian.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.registry.Session;
import lab.yujian.core.testing.FailingHistoryStore;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.PublishMessage;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Author;
import lab.yujian.protocol.payload.Priority;
import org.junit.jupiter.api.AfterEach;

/** What the hub's tests share: a clock, a recording transport, hubs closed after each test, payloads. */
abstract class HubTestSupport {

    protected final MutableClock clock = MutableClock.atSeedDate();
    protected final RecordingTransport transport = new RecordingTransport();
    protected final MessageCodec codec = MessageCodec.create();
    private final List<Hub> hubs = new ArrayList<>();

    protected final Identity admin = new Identity("grace", "admin", "Grace Hopper");
    protected final Identity member = new Identity("ada", "member", "Ada Lovelace");
    /** An admin who only watches channels in tests. */
    protected final Identity watcher = new Identity("watcher", "admin", "Watcher");

    protected Hub hub(Consumer<HubConfig.Builder> settings, Consumer<HubBuilder> parts) {
        HubConfig.Builder config = HubConfig.custom().nodeId("node-t").maintenanceInterval(Duration.ofHours(1))
                .nodeLease(Duration.ofHours(2)).subscriptionLinger(Duration.ofMillis(1));
        settings.accept(config);
        HubBuilder builder = Hub.builder(config.build()).transport(transport).clock(clock);
        parts.accept(builder);
        Hub hub = builder.build();
        hubs.add(hub);
        return hub;
    }

    protected Hub hub() {
        return hub(c -> { }, b -> { });
    }

    @AfterEach
    void closeHubs() {
        hubs.forEach(Hub::close);
    }

    /** A session of {@code who} subscribed to the channels, each confirmed. */
    protected Session subscribed(Hub hub, Identity who, String... channels) {
        Session session = hub.connect(who);
        for (String channel : channels) {
            assertThat(hub.subscribe(session.clientId(), channel)).as("subscribed to " + channel).isPresent();
        }
        return session;
    }

    /** What the session received on the channel, as DATA (BATCH unpacked), in order. */
    protected List<DataMessage> dataTo(Session session, String channel) {
        List<DataMessage> data = new ArrayList<>();
        for (ServerMessage message : transport.broadcastsTo(session.clientId(), channel)) {
            if (message instanceof DataMessage single) {
                data.add(single);
            } else if (message instanceof lab.yujian.protocol.BatchMessage batch) {
                data.addAll(batch.messages());
            }
        }
        return data;
    }

    protected ActivityPayload activity(String message) {
        return new ActivityPayload("a-" + message, ActivityType.ACTION, "grace", message, null,
                clock.instant().toString());
    }

    protected AnnouncementPayload announcement(String title) {
        return new AnnouncementPayload("n-" + title, Priority.NORMAL, title, "About " + title,
                new Author("grace", "Grace Hopper"), null, clock.instant().toString());
    }

    protected FailingHistoryStore historyThatCanFail() {
        return new FailingHistoryStore(new InMemoryHistoryStore(HistoryConfig.ofDefaults(), clock));
    }

    protected byte[] publishBody(Channel channel, Object payload) {
        return codec.encode(new PublishMessage(channel.name(), codec.toTree(payload)));
    }

    protected ErrorMessage lastError(String clientId) {
        List<ErrorMessage> errors = transport.repliesTo(clientId, ErrorMessage.class);
        assertThat(errors).as("errors sent to " + clientId).isNotEmpty();
        return errors.get(errors.size() - 1);
    }
}
