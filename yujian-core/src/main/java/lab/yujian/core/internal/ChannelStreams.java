package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import lab.yujian.core.YujianException;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.protocol.ErrorCode;

/**
 * This node's interest in channels: one {@link ChannelStream} per channel with a local subscriber,
 * reference-counted. The first local subscriber makes the broker subscription live and starts the stream
 * at history's position; when the last one has left, the stream lingers for
 * {@code linger} and then goes, with its broker subscription. No per-channel state outlives its use.
 */
final class ChannelStreams {

    private static final System.Logger LOG = System.getLogger(ChannelStreams.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ChannelStream> streams = new ConcurrentHashMap<>();
    private final Broker broker;
    private final Consumer<Published> delivery;
    private final ScheduledExecutorService timer;
    private final Executor repairs;
    private final Duration gapWait;
    private final Duration linger;

    ChannelStreams(Broker broker, Consumer<Published> delivery, ScheduledExecutorService timer, Executor repairs,
                   Duration gapWait, Duration linger) {
        this.broker = broker;
        this.delivery = delivery;
        this.timer = timer;
        this.repairs = repairs;
        this.gapWait = gapWait;
        this.linger = linger;
    }

    /**
     * A local session joins the channel. Returns once the channel's publications reach this node and its
     * stream knows where history stands, so that whatever is published from now on is delivered.
     *
     * @throws YujianException with {@code SERVICE_UNAVAILABLE} if history or the broker cannot be reached
     */
    void acquire(String channel) {
        while (true) {
            ChannelStream stream = streams.computeIfAbsent(channel, name -> new ChannelStream(name, broker.history(),
                    delivery, timer, repairs, gapWait));
            int references = stream.retain();
            if (references == 0) {
                streams.remove(channel, stream); // closed meanwhile: make a new one
                continue;
            }
            if (references == 1) {
                start(stream);
            }
            try {
                stream.awaitStarted(START_TIMEOUT);
                return;
            } catch (Exception e) {
                stream.release();
                streams.remove(channel, stream);
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "Channel '" + channel
                        + "' cannot be joined now: " + (e instanceof TimeoutException ? "its broker did not answer"
                        : cause.getMessage()) + "; retry shortly", cause);
            }
        }
    }

    private void start(ChannelStream stream) {
        try {
            broker.subscribe(stream.channel);
            stream.start(broker.history().position(stream.channel));
        } catch (RuntimeException e) {
            stream.fail(e);
            try {
                broker.unsubscribe(stream.channel);
            } catch (RuntimeException ignored) {
                // it was not live anyway
            }
        }
    }

    /** A local session left the channel; the last one to leave lets the stream go after the linger. */
    void release(String channel) {
        ChannelStream stream = streams.get(channel);
        if (stream != null && stream.release() == 0) {
            timer.schedule(() -> closeIfUnused(stream), linger.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void closeIfUnused(ChannelStream stream) {
        if (stream.closeIfUnused()) {
            streams.remove(stream.channel, stream);
            try {
                broker.unsubscribe(stream.channel);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unsubscribing from " + stream.channel + " failed: " + e);
            }
        }
    }

    /** A publication from the broker; ignored unless a local session is on its channel. */
    void offer(Published publication) {
        ChannelStream stream = streams.get(publication.channel());
        if (stream != null) {
            stream.offer(publication);
        }
    }

    /** The broker reconnected: every stream reads what it may have missed. */
    void catchUpAll() {
        streams.values().forEach(ChannelStream::catchUp);
    }

    /**
     * Compares every stream with history, in one round trip where the store allows, and repairs those
     * behind it: a publication whose fan-out failed reaches this node even if nothing follows it.
     */
    void reconcile() {
        List<ChannelStream> all = new ArrayList<>(streams.values());
        if (all.isEmpty()) {
            return;
        }
        List<StreamPosition> positions = broker.history().positions(all.stream().map(s -> s.channel).toList());
        for (int i = 0; i < all.size(); i++) {
            StreamPosition delivered = all.get(i).delivered();
            StreamPosition stored = positions.get(i);
            boolean behind = delivered == null ? stored.sequence() > 0
                    : !delivered.epoch().equals(stored.epoch()) || stored.sequence() > delivered.sequence();
            if (behind) {
                all.get(i).catchUp();
            }
        }
    }

    /** Whether this node has a stream for the channel (a local subscriber, or one that left just now). */
    boolean inUse(String channel) {
        return streams.containsKey(channel);
    }

    /** Number of channels this node delivers now. */
    int size() {
        return streams.size();
    }
}
