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

    private final List<Published> alone = new ArrayList<>();
    private final MessageBatcher bursts = new MessageBatcher(config, clock, scheduler,
            (channel, messages) -> flushed.add(new Batch(channel, messages)), alone::add);

    @Test
    void aBurstChannelSendsALoneMessageAtOnceAndBatchesWhatFollowsWithinTheDelay() {
        bursts.addBurst(data("presence", 1));
        assertThat(alone).extracting(Published::sequence).containsExactly(1L);
        clock.advance(Duration.ofMillis(10));
        bursts.addBurst(data("presence", 2));
        bursts.addBurst(data("presence", 3));
        assertThat(alone).as("within 50 ms of the first: batched").hasSize(1);

        clock.advance(Duration.ofMillis(50));
        scheduler.runPending();
        assertThat(flushed).singleElement().satisfies(batch ->
                assertThat(batch.messages()).extracting(Published::sequence).containsExactly(2L, 3L));
        clock.advance(Duration.ofMillis(10));
        bursts.addBurst(data("presence", 4));
        assertThat(alone).as("the burst goes on: still batched").hasSize(1);
        clock.advance(Duration.ofMillis(50));
        scheduler.runPending();
        assertThat(flushed).hasSize(2);

        clock.advance(Duration.ofMillis(50));
        scheduler.runPending(); // a quiet delay: the buffer goes
        assertThat(bursts.buffers()).isZero();
        bursts.addBurst(data("presence", 5));
        assertThat(alone).as("quiet again: at once").extracting(Published::sequence).containsExactly(1L, 5L);
    }

    @Test
    void aConnectStormOnABurstChannelCostsOneFramePerBatchNotOnePerMessage() {
        MessageBatcher bursts = new MessageBatcher(BatchConfig.custom().bursts("presence").build(), clock, scheduler,
                (channel, messages) -> flushed.add(new Batch(channel, messages)), alone::add);
        for (int i = 1; i <= 300; i++) {
            bursts.addBurst(data("presence", i));
            clock.advance(Duration.ofMillis(1));
            scheduler.runPending();
        }
        clock.advance(Duration.ofMillis(200));
        scheduler.runPending();
        scheduler.runPending();
        List<Long> order = new ArrayList<>();
        alone.forEach(message -> order.add(message.sequence()));
        flushed.forEach(batch -> batch.messages().forEach(message -> order.add(message.sequence())));
        assertThat(order).as("every message once, in order").hasSize(300).isSorted().doesNotHaveDuplicates();
        assertThat(alone.size() + flushed.size()).as("frames for 300 messages in 300 ms").isLessThanOrEqualTo(10);
    }

    @Test
    void aChannelInBothListsIsAlwaysBatched() {
        BatchConfig both = BatchConfig.custom().channels("metrics").bursts("metrics", "presence").build();
        assertThat(both.batches(Channel.parse("metrics"))).isTrue();
        assertThat(both.batchesBursts(Channel.parse("metrics"))).isFalse();
        assertThat(both.batchesBursts(Channel.parse("presence"))).isTrue();
        assertThat(BatchConfig.ofDefaults().batchesBursts(Channel.parse("presence"))).as("none by default").isFalse();
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
