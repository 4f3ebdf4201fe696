package lab.yujian.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import lab.yujian.core.HubObserver;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import lab.yujian.spring.stomp.StompMetrics;

/**
 * The seed's WebSocket metrics, fed by the hub. Channel tags use the kind for channels of a kind with
 * ids ({@code collaboration.*}, {@code instruments.*}), so the number of time series stays bounded.
 *
 * <p>{@code websocket_latency_seconds} is the server-side time from a client frame's arrival to the hub
 * finishing it (a round trip would need the client's clock); see docs/operations.md.
 */
public final class HubMetrics implements HubObserver, StompMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter rejected;
    private final Timer duration;
    private final DistributionSummary size;
    private final Timer latency;
    private final ChannelKinds kinds;

    /** Metrics for the built-in channel kinds. */
    public HubMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        this(registry, connections, ChannelKinds.builtIns());
    }

    /** Metrics for these channel kinds: the hub's ({@code HubConfig.kinds()}). */
    public HubMetrics(MeterRegistry registry, ConnectionRegistry connections, ChannelKinds kinds) {
        this.registry = registry;
        this.kinds = kinds;
        this.accepted = connections("accepted");
        this.rejected = connections("rejected");
        this.duration = Timer.builder("websocket.connection.duration").description("Duration of WebSocket connections")
                .serviceLevelObjectives(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(10),
                        Duration.ofMinutes(30), Duration.ofHours(1))
                .register(registry);
        this.size = DistributionSummary.builder("websocket.message.size").baseUnit("bytes")
                .description("Size of messages in bytes").serviceLevelObjectives(100, 500, 1000, 5000, 10000)
                .register(registry);
        this.latency = Timer.builder("websocket.latency").description("Server-side handling latency of client frames")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500))
                .register(registry);
        Gauge.builder("websocket.sessions", connections, ConnectionRegistry::sessionCount)
                .description("Live STOMP sessions on this node").register(registry);
        for (ChannelKind kind : kinds.all()) {
            String name = kind.name();
            Gauge.builder("websocket.subscriptions", connections, kind.withIds()
                            ? r -> subscriptionsOfKind(r, name + ".") : r -> r.subscriberCount(name))
                    .tag("channel", kind.withIds() ? name + ".*" : name)
                    .description("Subscriptions per channel on this node").register(registry);
        }
    }

    private Counter connections(String status) {
        return Counter.builder("websocket.connections").description("Total number of WebSocket connections")
                .tag("status", status).register(registry);
    }

    @Override
    public void connectionRejected() {
        rejected.increment();
    }

    @Override
    public void handled(Duration elapsed) {
        latency.record(elapsed);
    }

    @Override
    public void connected(Session session) {
        accepted.increment();
    }

    @Override
    public void disconnected(Session session, Duration lasted) {
        duration.record(lasted);
    }

    @Override
    public void received(String type, @Nullable String channel, int bytes) {
        message(type, channel, bytes);
    }

    @Override
    public void published(Published message, Object payload) {
        message("DATA", message.channel(), message.data().length);
    }

    @Override
    public void refused(ErrorCode code) {
        registry.counter("websocket.refusals", "code", code.name()).increment();
    }

    private void message(String type, @Nullable String channel, int bytes) {
        registry.counter("websocket.messages", "type", type, "channel", channelTag(channel)).increment();
        size.record(bytes);
    }

    /**
     * A tag from a bounded set: a kind without ids by name, the channels of a kind with ids as
     * {@code <kind>.*}, and anything else (a client may name any channel before it is refused) as
     * {@code invalid}.
     */
    String channelTag(@Nullable String channel) {
        if (channel == null) {
            return "none";
        }
        int dot = channel.indexOf('.');
        ChannelKind kind = kinds.kind(dot < 0 ? channel : channel.substring(0, dot));
        if (kind == null || kind.withIds() != (dot >= 0)) {
            return "invalid";
        }
        return dot < 0 ? kind.name() : kind.name() + ".*";
    }

    private static double subscriptionsOfKind(ConnectionRegistry connections, String prefix) {
        return connections.subscriberCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

}
