package lab.yujian.core.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import lab.yujian.core.history.Published;

/**
 * Collects a channel's messages and hands them to a sink together when the batch reaches
 * {@link BatchConfig#maxSize()} or its oldest message is {@link BatchConfig#maxDelay()} old.
 *
 * <p>Order is kept: messages added in order leave in order, and batches of one channel reach the sink one
 * at a time, in order. Each channel's buffer has its own lock; the sink is called under it, so the sink
 * must not call back into the batcher. A buffer never holds more than {@code maxSize} messages, and a
 * channel's buffer is dropped once it is flushed empty, so channels nobody publishes on cost nothing.
 *
 * <p>A burst channel ({@link #addBurst}) batches only what follows another message within
 * {@link BatchConfig#maxDelay()}: the first message to a quiet channel goes to the single sink at once.
 */
public final class MessageBatcher {

    private final BatchConfig config;
    private final Clock clock;
    private final FlushScheduler scheduler;
    private final BiConsumer<String, List<Published>> sink;
    private final Consumer<Published> single;
    private final Map<String, Buffer> buffers = new ConcurrentHashMap<>();

    /**
     * @param sink receives a channel's name and its batch, ascending
     */
    public MessageBatcher(BatchConfig config, Clock clock, FlushScheduler scheduler,
                          BiConsumer<String, List<Published>> sink) {
        this(config, clock, scheduler, sink, message -> sink.accept(message.channel(), List.of(message)));
    }

    /**
     * @param sink   receives a channel's name and its batch, ascending
     * @param single receives the message of a quiet burst channel that goes out alone ({@link #addBurst})
     */
    public MessageBatcher(BatchConfig config, Clock clock, FlushScheduler scheduler,
                          BiConsumer<String, List<Published>> sink, Consumer<Published> single) {
        this.single = Objects.requireNonNull(single, "single");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Adds a message to its channel's batch; flushes at once when the batch is full. */
    public void add(Published message) {
        add(message, false);
    }

    /**
     * Adds a message of a burst channel: sent alone at once if nothing went out on the channel for
     * {@link BatchConfig#maxDelay()} and nothing waits, else batched like {@link #add}.
     */
    public void addBurst(Published message) {
        add(message, true);
    }

    private void add(Published message, boolean burst) {
        while (true) {
            Buffer buffer = buffers.computeIfAbsent(message.channel(), Buffer::new);
            synchronized (buffer) {
                if (buffer.dropped) {
                    continue; // flushed empty and dropped meanwhile: start the channel's next buffer
                }
                buffer.burst = burst;
                if (burst && buffer.messages.isEmpty() && !buffer.sentAlone) {
                    // Quiet: out at once; the buffer stays for maxDelay so that what follows is batched
                    buffer.sentAlone = true;
                    buffer.lastSentAt = clock.millis();
                    long generation = buffer.generation;
                    single.accept(message);
                    scheduler.schedule(() -> flushIfDue(buffer, generation), config.maxDelay());
                    return;
                }
                buffer.messages.add(message);
                if (buffer.messages.size() == 1) {
                    buffer.firstAt = clock.millis();
                    long generation = buffer.generation;
                    scheduler.schedule(() -> flushIfDue(buffer, generation), config.maxDelay());
                }
                if (buffer.messages.size() >= config.maxSize()) {
                    flush(buffer);
                }
                return;
            }
        }
    }

    /** Flushes every non-empty batch now, for example before shutting down. */
    public void flushAll() {
        for (Buffer buffer : buffers.values()) {
            synchronized (buffer) {
                flush(buffer);
            }
        }
    }

    /** Messages waiting in the channel's batch. */
    public int pending(String channel) {
        Buffer buffer = buffers.get(channel);
        if (buffer == null) {
            return 0;
        }
        synchronized (buffer) {
            return buffer.messages.size();
        }
    }

    /** Channels with a buffer now, for tests. */
    public int buffers() {
        return buffers.size();
    }

    private void flushIfDue(Buffer buffer, long generation) {
        synchronized (buffer) {
            if (buffer.messages.isEmpty()) {
                // Flushed meanwhile, and nothing came since. A burst channel's flush scheduled a check of its
                // own, which drops the buffer if the channel stays quiet
                if (!buffer.burst) {
                    drop(buffer);
                } else if (buffer.generation == generation) {
                    long quietFor = config.maxDelay().toMillis() - (clock.millis() - buffer.lastSentAt);
                    if (quietFor <= 0) {
                        drop(buffer);
                    } else {
                        scheduler.schedule(() -> flushIfDue(buffer, generation), Duration.ofMillis(quietFor));
                    }
                }
                return;
            }
            if (buffer.generation != generation) {
                return; // flushed by size meanwhile; a later message scheduled its own check
            }
            long remaining = config.maxDelay().toMillis() - (clock.millis() - buffer.firstAt);
            if (remaining <= 0) {
                flush(buffer);
                if (!buffer.burst) {
                    drop(buffer);
                }
            } else {
                scheduler.schedule(() -> flushIfDue(buffer, generation), Duration.ofMillis(remaining));
            }
        }
    }

    private void drop(Buffer buffer) {
        buffer.dropped = true;
        buffers.remove(buffer.channel, buffer);
    }

    private void flush(Buffer buffer) {
        if (buffer.messages.isEmpty()) {
            return;
        }
        List<Published> batch = List.copyOf(buffer.messages);
        buffer.messages.clear();
        buffer.generation++;
        sink.accept(buffer.channel, batch);
        if (buffer.burst) { // a burst goes on in batches until a quiet maxDelay drops the buffer
            buffer.sentAlone = true;
            buffer.lastSentAt = clock.millis();
            long generation = buffer.generation;
            scheduler.schedule(() -> flushIfDue(buffer, generation), config.maxDelay());
        }
    }

    private static final class Buffer {
        final String channel;
        final List<Published> messages = new ArrayList<>();
        long firstAt;
        long generation;
        boolean dropped;
        /** Whether the channel is batched in bursts only. */
        boolean burst;
        /** A burst channel sent something less than maxDelay ago: what comes now is batched. */
        boolean sentAlone;
        long lastSentAt;

        Buffer(String channel) {
            this.channel = channel;
        }
    }
}
