package lab.yujian.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.history.Published;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;

/**
 * Conflated subscriptions ({@code max-rate:N}): each gets at most N DATA per second, the latest one of
 * each interval, with its real sequence. One state per subscription, holding at most one pending message
 * and at most one scheduled flush; it goes with UNSUBSCRIBE and with the session. A channel nobody
 * conflates has no entry. Only {@code metrics} can be conflated: a sample replaces the one before it,
 * which is not true of an announcement or a presence change.
 */
final class Conflations {

    /** The header that asks for it. */
    static final String HEADER = "max-rate";
    /** The highest rate one may ask for, per second. */
    static final int MAX_RATE = 50;

    private final Map<String, Map<String, State>> byChannel = new ConcurrentHashMap<>();
    private final SessionTransport transport;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;

    Conflations(SessionTransport transport, ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.transport = transport;
        this.timer = timer;
        this.nanoTime = nanoTime;
    }

    /**
     * The interval a {@code max-rate} header asks for on this channel.
     *
     * @throws ProtocolException {@link ErrorCode#INVALID_MESSAGE} naming the header, if it is not a whole
     *                           number from 1 to {@value #MAX_RATE}, or the channel cannot be conflated
     */
    static Duration interval(Channel channel, String header) {
        if (!channel.kind().equals(ChannelKind.METRICS)) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "Header '" + HEADER + "' is not allowed on channel '"
                    + channel.name() + "'; only metrics can be conflated", HEADER);
        }
        int rate;
        try {
            rate = Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            rate = 0;
        }
        if (rate < 1 || rate > MAX_RATE) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "Header '" + HEADER + "' must be a whole number "
                    + "from 1 to " + MAX_RATE + " (messages per second), was '" + header + "'", HEADER);
        }
        return Duration.ofSeconds(1).dividedBy(rate);
    }

    void start(String clientId, Channel channel, Duration interval) {
        byChannel.computeIfAbsent(channel.name(), c -> new ConcurrentHashMap<>())
                .put(clientId, new State(channel, clientId, interval.toNanos()));
    }

    void stop(String clientId, String channel) {
        byChannel.computeIfPresent(channel, (c, states) -> {
            State state = states.remove(clientId);
            if (state != null) {
                state.stop();
            }
            return states.isEmpty() ? null : states;
        });
    }

    /** The sessions that conflate the channel: a copy, empty for most channels. */
    Set<String> conflating(String channel) {
        Map<String, State> states = byChannel.get(channel);
        return states == null ? Set.of() : Set.copyOf(states.keySet());
    }

    /** Offers the latest message a conflating session may see: sent now, or kept for its next interval. */
    void offer(String clientId, Published latest) {
        Map<String, State> states = byChannel.get(latest.channel());
        State state = states == null ? null : states.get(clientId);
        if (state != null) {
            state.offer(latest);
        }
    }

    /** One subscription's pace; its monitor orders what it sends. */
    private final class State {
        private final Channel channel;
        private final String clientId;
        private final long intervalNanos;
        private long lastSent;
        private boolean sentOnce;
        private Published pending;
        private boolean scheduled;
        private boolean stopped;

        State(Channel channel, String clientId, long intervalNanos) {
            this.channel = channel;
            this.clientId = clientId;
            this.intervalNanos = intervalNanos;
        }

        synchronized void offer(Published message) {
            long now = nanoTime.getAsLong();
            long wait = sentOnce ? lastSent + intervalNanos - now : 0;
            if (wait <= 0 && pending == null) {
                send(message, now);
                return;
            }
            pending = message; // replaces an older one: only the latest of an interval goes out
            if (!scheduled) {
                scheduled = true;
                timer.schedule(this::flush, Math.max(0, wait), TimeUnit.NANOSECONDS);
            }
        }

        private synchronized void flush() {
            scheduled = false;
            if (pending != null && !stopped) {
                Published message = pending;
                pending = null;
                send(message, nanoTime.getAsLong());
            }
        }

        synchronized void stop() {
            stopped = true;
            pending = null;
        }

        private void send(Published message, long now) {
            lastSent = now;
            sentOnce = true;
            transport.deliver(channel, message.data(), List.of(clientId));
        }
    }
}
