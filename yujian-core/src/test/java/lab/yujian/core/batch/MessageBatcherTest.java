package lab.yujian.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.testing.ManualScheduler;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.core.history.Published;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;
import org.junit.jupiter.api.Test;

class MessageBatcherTest {

    private final MutableClock clock = MutableClock.atSeedDate();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Batch> flushed = new ArrayList<>();
    private final BatchConfig config = new BatchConfig(List.of(ChannelPattern.parse("metrics")), 3,
            Duration.ofMillis(50));
    private final MessageBatcher batcher = new MessageBatcher(config, clock, scheduler,
            (channel, messages) -> flushed.add(new Batch(channel, messages)));

    private record Batch(String channel, List<Published> messages) {
    }

    private static Published data(String channel, long sequence) {
        return new Published(channel, sequence, "e", 0, new byte[0]);
    }

    @Test
    void aFullBatchIsFlushedAtOnce() {
        batcher.add(data("metrics", 1));
        batcher.add(data("metrics", 2));
        assertThat(flushed).isEmpty();
        batcher.add(data("metrics", 3));
        assertThat(flushed).singleElement().satisfies(batch -> {
            assertThat(batch.channel()).isEqualTo("metrics");
            assertThat(batch.messages()).extracting(Published::sequence).containsExactly(1L, 2L, 3L);
        });
        assertThat(batcher.pending("metrics")).isZero();
    }

    @Test
    void aBatchIsFlushedWhenItsOldestMessageReachesTheDelay() {
        batcher.add(data("metrics", 1));
        assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(50));
        clock.advance(Duration.ofMillis(20));
        batcher.add(data("metrics", 2));

        clock.advance(Duration.ofMillis(29));
        scheduler.runPending();
        assertThat(flushed).as("49 ms is not yet due").isEmpty();
        assertThat(scheduler.delays()).last().isEqualTo(Duration.ofMillis(1));

        clock.advance(Duration.ofMillis(1));
        scheduler.runPending();
        assertThat(flushed).singleElement().satisfies(batch ->
                assertThat(batch.messages()).extracting(Published::sequence).containsExactly(1L, 2L));
    }

    @Test
    void aTimerOfABatchFlushedBySizeDoesNotFlushTheNextBatchEarly() {
        batcher.add(data("metrics", 1));
        batcher.add(data("metrics", 2));
        batcher.add(data("metrics", 3));
        clock.advance(Duration.ofMillis(10));
        batcher.add(data("metrics", 4));
        clock.advance(Duration.ofMillis(40));
        scheduler.runPending(); // the first batch's timer is stale; the second's is 10 ms early
        assertThat(flushed).hasSize(1);
        assertThat(batcher.pending("metrics")).isEqualTo(1);

        clock.advance(Duration.ofMillis(10));
        scheduler.runPending();
        assertThat(flushed).hasSize(2);
        assertThat(flushed.get(1).messages()).extracting(Published::sequence).containsExactly(4L);
    }

    @Test
    void channelsAreBatchedSeparatelyAndInOrder() {
        batcher.add(data("metrics", 1));
        batcher.add(data("collaboration.d", 1));
        batcher.add(data("metrics", 2));
        batcher.flushAll();
        assertThat(flushed).extracting(Batch::channel).containsExactlyInAnyOrder("metrics", "collaboration.d");
        assertThat(flushed).filteredOn(b -> b.channel().equals("metrics")).singleElement()
                .satisfies(b -> assertThat(b.messages()).extracting(Published::sequence).containsExactly(1L, 2L));
    }

    @Test
    void theConfigSaysWhichChannelsAreBatched() {
        BatchConfig defaults = BatchConfig.ofDefaults();
        assertThat(defaults.batches(Channel.METRICS)).isTrue();
        assertThat(defaults.batches(Channel.collaboration("doc"))).isTrue();
        assertThat(defaults.batches(Channel.PRESENCE)).isFalse();
        assertThat(defaults.maxSize()).isEqualTo(100);
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aChannelsBufferIsDroppedOnceItIsFlushedEmpty() {
        batcher.add(data("metrics", 1));
        batcher.add(data("metrics", 2));
        batcher.add(data("metrics", 3)); // flushed by size; its timer finds the buffer empty
        clock.advance(Duration.ofMillis(50));
        scheduler.runPending();
        assertThat(batcher.buffers()).isZero();
        batcher.add(data("metrics", 4));
        clock.advance(Duration.ofMillis(50));
        scheduler.runPending();
        assertThat(flushed).hasSize(2);
        assertThat(batcher.buffers()).isZero();
    }
}
