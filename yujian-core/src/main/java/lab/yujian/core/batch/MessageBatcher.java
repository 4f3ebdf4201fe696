package lab.yujian.core.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;

/**
 * Collects DATA messages per channel and hands them to a sink as one {@link BatchMessage} when the batch
 * reaches {@link BatchConfig#maxSize()} or its oldest message is {@link BatchConfig#maxDelay()} old.
 *
 * <p>Order is kept: messages added in order leave in order, and batches of one channel reach the sink one
 * at a time, in order. Each channel's buffer has its own lock; the sink is called under it, so the sink
 * must not call back into the batcher. A buffer never holds more than {@code maxSize} messages.
 */
public final class MessageBatcher {

    private final BatchConfig config;
    private final Clock clock;
    private final FlushScheduler scheduler;
    private final Consumer<BatchMessage> sink;
    private final Map<String, Buffer> buffers = new ConcurrentHashMap<>();

    public MessageBatcher(BatchConfig config, Clock clock, FlushScheduler scheduler, Consumer<BatchMessage> sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Adds a message to its channel's batch; flushes at once when the batch is full. */
    public void add(DataMessage message) {
        Buffer buffer = buffers.computeIfAbsent(message.channel(), Buffer::new);
        synchronized (buffer) {
            buffer.messages.add(message);
            if (buffer.messages.size() == 1) {
                buffer.firstAt = clock.instant();
                long generation = buffer.generation;
                scheduler.schedule(() -> flushIfDue(buffer, generation), config.maxDelay());
            }
            if (buffer.messages.size() >= config.maxSize()) {
                flush(buffer);
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

    private void flushIfDue(Buffer buffer, long generation) {
        synchronized (buffer) {
            if (buffer.generation != generation || buffer.messages.isEmpty()) {
                return; // flushed by size meanwhile; a later message scheduled its own check
            }
            Duration age = Duration.between(buffer.firstAt, clock.instant());
            Duration remaining = config.maxDelay().minus(age);
            if (remaining.isNegative() || remaining.isZero()) {
                flush(buffer);
            } else {
                scheduler.schedule(() -> flushIfDue(buffer, generation), remaining);
            }
        }
    }

    private void flush(Buffer buffer) {
        if (buffer.messages.isEmpty()) {
            return;
        }
        List<DataMessage> batch = List.copyOf(buffer.messages);
        buffer.messages.clear();
        buffer.generation++;
        sink.accept(new BatchMessage(buffer.channel, batch));
    }

    private static final class Buffer {
        final String channel;
        final List<DataMessage> messages = new ArrayList<>();
        Instant firstAt = Instant.EPOCH;
        long generation;

        Buffer(String channel) {
            this.channel = channel;
        }
    }
}
