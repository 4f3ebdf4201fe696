package lab.yujian.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.SequenceRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The behaviour every {@link HistoryStore} must have. An implementation joins by overriding
 * {@link #createStore}; each test gets a fresh store and uses its own channel names.
 */
public abstract class HistoryStoreContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected final MutableClock clock = MutableClock.atSeedDate();

    /** A new, empty store with these bounds, reading time from {@code clock}. */
    protected abstract HistoryStore createStore(HistoryConfig config, MutableClock clock);

    private HistoryStore store(int maxSize, Duration maxAge) {
        return createStore(new HistoryConfig(maxSize, maxAge), clock);
    }

    private HistoryStore store() {
        return store(1000, Duration.ofMinutes(10));
    }

    protected static Publication publication(int n) {
        return new Publication(JSON.createObjectNode().put("n", n), new Sender("u1", "c1"), 1000L + n);
    }

    @Test
    void aChannelNeverPublishedOnIsAtSequenceZero() {
        StreamPosition position = store().position("activity");
        assertThat(position.sequence()).isZero();
        assertThat(position.epoch()).isNotBlank();
    }

    @Test
    void appendAssignsSequencesRisingByOneFromOne() {
        HistoryStore store = store();
        StreamPosition first = store.append("activity", publication(1));
        StreamPosition second = store.append("activity", publication(2));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.epoch()).isEqualTo(first.epoch()).isEqualTo(store.position("activity").epoch());
        assertThat(store.position("activity").sequence()).isEqualTo(2);
    }

    @Test
    void channelsAreNumberedIndependently() {
        HistoryStore store = store();
        store.append("activity", publication(1));
        store.append("activity", publication(2));
        assertThat(store.append("metrics", publication(1)).sequence()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsFromEightThreadsGetDistinctGapFreeSequences() throws Exception {
        HistoryStore store = store(5000, Duration.ofMinutes(10));
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(store.append("collaboration.doc", publication(i)).sequence());
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            List<Long> mine = result.get(30, TimeUnit.SECONDS);
            assertThat(mine).isSorted();
            all.addAll(mine);
        }
        pool.shutdown();
        Collections.sort(all);
        assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        Recovery recovery = store.recover("collaboration.doc", 0, null);
        assertThat(recovery.messages()).extracting(DataMessage::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    }

    @Test
    void recoverReturnsEveryMissedMessageInOrder() {
        HistoryStore store = store();
        for (int i = 1; i <= 10; i++) {
            store.append("activity", publication(i));
        }
        String epoch = store.position("activity").epoch();
        Recovery recovery = store.recover("activity", 3, epoch);
        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.reason()).isNull();
        assertThat(recovery.messages()).extracting(DataMessage::sequence).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(recovery.messages()).extracting(m -> m.payload().get("n").asInt()).containsExactly(4, 5, 6, 7, 8, 9, 10);
        assertThat(recovery.messages()).allSatisfy(m -> {
            assertThat(m.channel()).isEqualTo("activity");
            assertThat(m.epoch()).isEqualTo(epoch);
            assertThat(m.sender()).isEqualTo(new Sender("u1", "c1"));
        });
        assertThat(recovery.current()).isEqualTo(new StreamPosition(10, epoch));
    }

    @Test
    void recoverWithNothingMissedIsRecoveredAndEmpty() {
        HistoryStore store = store();
        store.append("activity", publication(1));
        Recovery recovery = store.recover("activity", 1, null);
        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.messages()).isEmpty();
    }

    @Test
    void recoverPastTheSizeBoundIsTrimmedWithTheMissingRange() {
        HistoryStore store = store(5, Duration.ofMinutes(10));
        for (int i = 1; i <= 12; i++) {
            store.append("activity", publication(i));
        }
        Recovery recovery = store.recover("activity", 2, null);
        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(3, 7));
        assertThat(recovery.messages()).isEmpty();
        assertThat(recovery.current().sequence()).isEqualTo(12);

        assertThat(store.recover("activity", 7, null).messages()).extracting(DataMessage::sequence)
                .containsExactly(8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void recoverPastTheAgeBoundIsTrimmed() {
        HistoryStore store = store(1000, Duration.ofMinutes(10));
        store.append("activity", publication(1));
        store.append("activity", publication(2));
        clock.advance(Duration.ofMinutes(11));
        store.append("activity", publication(3));
        Recovery recovery = store.recover("activity", 0, null);
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(1, 2));
        assertThat(store.recover("activity", 2, null).messages()).extracting(DataMessage::sequence).containsExactly(3L);
    }

    @Test
    void agedOutHistoryStillKeepsTheSequence() {
        HistoryStore store = store(1000, Duration.ofMinutes(10));
        store.append("activity", publication(1));
        clock.advance(Duration.ofHours(1));
        assertThat(store.recover("activity", 0, null).missing()).isEqualTo(new SequenceRange(1, 1));
        assertThat(store.append("activity", publication(2)).sequence()).isEqualTo(2);
    }

    @Test
    void recoverWithAnotherEpochSaysTheEpochChanged() {
        HistoryStore store = store();
        store.append("activity", publication(1));
        store.append("activity", publication(2));
        Recovery recovery = store.recover("activity", 1, "an-old-epoch");
        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(1, 2));
        assertThat(recovery.current().epoch()).isNotEqualTo("an-old-epoch");
    }

    @Test
    void recoverFromBeyondTheStreamSaysTheEpochChanged() {
        HistoryStore store = store();
        store.append("activity", publication(1));
        Recovery recovery = store.recover("activity", 40, null);
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
    }

    @Test
    void latestReturnsTheNewestMessagesAscendingWithThePosition() {
        HistoryStore store = store();
        for (int i = 1; i <= 6; i++) {
            store.append("metrics", publication(i));
        }
        HistoryStore.Snapshot snapshot = store.latest("metrics", 3);
        assertThat(snapshot.messages()).extracting(DataMessage::sequence).containsExactly(4L, 5L, 6L);
        assertThat(snapshot.position().sequence()).isEqualTo(6);
        assertThat(store.latest("announcements", 3).messages()).isEmpty();
    }
}
