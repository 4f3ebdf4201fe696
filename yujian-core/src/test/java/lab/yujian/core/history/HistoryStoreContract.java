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
import java.util.Map;
import lab.yujian.core.testing.MutableClock;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.SequenceRange;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link HistoryStore} must have. An implementation joins by overriding
 * {@link #createStore}; each test gets a fresh store and uses its own channel names.
 */
public abstract class HistoryStoreContract {

    private static final MessageCodec CODEC = MessageCodec.create();

    protected final MutableClock clock = MutableClock.atSeedDate();

    /** A new, empty store with these bounds, reading time from {@code clock}. */
    protected abstract HistoryStore createStore(HistoryConfig config, MutableClock clock);

    private HistoryStore store(int maxSize, Duration maxAge) {
        return createStore(new HistoryConfig(maxSize, maxAge), clock);
    }

    private HistoryStore store() {
        return store(1000, Duration.ofMinutes(10));
    }

    /**
     * Makes the store lose a channel's history, as a flush, a failover without persistence or a restart of
     * an in-memory store does.
     */
    protected abstract void loseHistory(HistoryStore store, String channel);

    /** Channel names unique to this test class run, so stores that share a server (Redis) never mix. */
    protected String channel(String name) {
        return name;
    }

    /** A publication on a channel carrying {@code {"n": n}}, published now. */
    protected Publication publication(String channel, int n) {
        long now = clock.millis();
        return new Publication(DataEncoding.prefix(CODEC, channel, Map.of("n", n), new Sender("u1", "c1"), now), now);
    }

    private static DataMessage decoded(Published published) {
        return (DataMessage) CODEC.decodeServer(published.data());
    }

    private static int n(Published published) {
        return decoded(published).payload().get("n").asInt();
    }

    @Test
    void aChannelNeverPublishedOnIsAtSequenceZero() {
        StreamPosition position = store().position(channel("activity"));
        assertThat(position.sequence()).isZero();
        assertThat(position.epoch()).isNotBlank();
    }

    @Test
    void appendAssignsSequencesRisingByOneFromOne() {
        HistoryStore store = store();
        Published first = store.append(channel("activity"), publication(channel("activity"), 1));
        Published second = store.append(channel("activity"), publication(channel("activity"), 2));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.epoch()).isEqualTo(first.epoch()).isEqualTo(store.position(channel("activity")).epoch());
        assertThat(store.position(channel("activity")).sequence()).isEqualTo(2);
    }

    @Test
    void channelsAreNumberedIndependently() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        assertThat(store.append(channel("metrics"), publication(channel("metrics"), 1)).sequence()).isEqualTo(1);
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
                    String doc = channel("collaboration.doc");
                    mine.add(store.append(doc, publication(doc, i)).sequence());
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
        Recovery recovery = store.recover(channel("collaboration.doc"), 0, null);
        assertThat(recovery.messages()).extracting(Published::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    }

    @Test
    void recoverReturnsEveryMissedMessageInOrder() {
        HistoryStore store = store();
        for (int i = 1; i <= 10; i++) {
            store.append(channel("activity"), publication(channel("activity"), i));
        }
        String epoch = store.position(channel("activity")).epoch();
        Recovery recovery = store.recover(channel("activity"), 3, epoch);
        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.reason()).isNull();
        assertThat(recovery.messages()).extracting(Published::sequence).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(recovery.messages()).extracting(HistoryStoreContract::n).containsExactly(4, 5, 6, 7, 8, 9, 10);
        assertThat(recovery.messages()).allSatisfy(m -> {
            assertThat(m.channel()).isEqualTo(channel("activity"));
            assertThat(m.epoch()).isEqualTo(epoch);
            assertThat(decoded(m).sender()).isEqualTo(new Sender("u1", "c1"));
        });
        assertThat(recovery.current()).isEqualTo(new StreamPosition(10, epoch));
    }

    @Test
    void recoverWithNothingMissedIsRecoveredAndEmpty() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        Recovery recovery = store.recover(channel("activity"), 1, null);
        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.messages()).isEmpty();
    }

    @Test
    void recoverPastTheSizeBoundIsTrimmedWithTheMissingRange() {
        HistoryStore store = store(5, Duration.ofMinutes(10));
        for (int i = 1; i <= 12; i++) {
            store.append(channel("activity"), publication(channel("activity"), i));
        }
        Recovery recovery = store.recover(channel("activity"), 2, null);
        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(3, 7));
        assertThat(recovery.messages()).isEmpty();
        assertThat(recovery.current().sequence()).isEqualTo(12);

        assertThat(store.recover(channel("activity"), 7, null).messages()).extracting(Published::sequence)
                .containsExactly(8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void recoverPastTheAgeBoundIsTrimmed() {
        HistoryStore store = store(1000, Duration.ofMinutes(10));
        store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        clock.advance(Duration.ofMinutes(11));
        store.append(channel("activity"), publication(channel("activity"), 3));
        Recovery recovery = store.recover(channel("activity"), 0, null);
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(1, 2));
        assertThat(store.recover(channel("activity"), 2, null).messages()).extracting(Published::sequence).containsExactly(3L);
    }

    @Test
    void agedOutHistoryStillKeepsTheSequence() {
        HistoryStore store = store(1000, Duration.ofMinutes(10));
        store.append(channel("activity"), publication(channel("activity"), 1));
        clock.advance(Duration.ofHours(1));
        assertThat(store.recover(channel("activity"), 0, null).missing()).isEqualTo(new SequenceRange(1, 1));
        assertThat(store.append(channel("activity"), publication(channel("activity"), 2)).sequence()).isEqualTo(2);
    }

    @Test
    void recoverWithAnotherEpochSaysTheEpochChanged() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        Recovery recovery = store.recover(channel("activity"), 1, "an-old-epoch");
        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
        assertThat(recovery.missing()).isEqualTo(new SequenceRange(1, 2));
        assertThat(recovery.current().epoch()).isNotEqualTo("an-old-epoch");
    }

    @Test
    void recoverFromBeyondTheStreamSaysTheEpochChanged() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        Recovery recovery = store.recover(channel("activity"), 40, null);
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
    }

    @Test
    void latestReturnsTheNewestMessagesAscendingWithThePosition() {
        HistoryStore store = store();
        for (int i = 1; i <= 6; i++) {
            store.append(channel("metrics"), publication(channel("metrics"), i));
        }
        HistoryStore.Snapshot snapshot = store.latest(channel("metrics"), 3);
        assertThat(snapshot.messages()).extracting(Published::sequence).containsExactly(4L, 5L, 6L);
        assertThat(snapshot.position().sequence()).isEqualTo(6);
        assertThat(store.latest(channel("announcements"), 3).messages()).isEmpty();
    }

    @Test
    void theStoredBytesAreTheDataMessageCompletedWithItsPosition() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        Published stored = store.append(channel("activity"), publication(channel("activity"), 2));
        DataMessage data = decoded(stored);
        assertThat(data.channel()).isEqualTo(channel("activity"));
        assertThat(data.sequence()).isEqualTo(2).isEqualTo(stored.sequence());
        assertThat(data.epoch()).isEqualTo(stored.epoch());
        assertThat(data.timestamp()).isEqualTo(stored.timestamp()).isEqualTo(clock.millis());
        assertThat(DataEncoding.sequenceOf(stored.data())).isEqualTo(2);
        assertThat(store.latest(channel("activity"), 1).messages().get(0).data()).isEqualTo(stored.data());
    }

    @Test
    void recoveringFromSequenceZeroReturnsEverythingWhateverTheEpoch() {
        HistoryStore store = store();
        store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        Recovery recovery = store.recover(channel("activity"), 0, "an-epoch-read-before-the-first-publish");
        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.messages()).extracting(Published::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aChannelNeverPublishedOnRecoversNothingFromZeroAndRefusesAnythingBeyond() {
        HistoryStore store = store();
        assertThat(store.recover(channel("quiet"), 0, null).recovered()).isTrue();
        assertThat(store.recover(channel("quiet"), 0, null).messages()).isEmpty();
        assertThat(store.recover(channel("quiet"), 3, "old").reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
        assertThat(store.latest(channel("quiet"), 5).messages()).isEmpty();
    }

    @Test
    void positionsAreReadForSeveralChannelsInTheOrderAsked() {
        HistoryStore store = store();
        store.append(channel("metrics"), publication(channel("metrics"), 1));
        store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        assertThat(store.positions(List.of(channel("activity"), channel("none"), channel("metrics"))))
                .extracting(StreamPosition::sequence).containsExactly(2L, 0L, 1L);
    }

    @Test
    void aChannelWhoseHistoryWasLostStartsAgainFromOneUnderANewEpoch() {
        HistoryStore store = store();
        Published before = store.append(channel("activity"), publication(channel("activity"), 1));
        store.append(channel("activity"), publication(channel("activity"), 2));
        loseHistory(store, channel("activity"));
        Published after = store.append(channel("activity"), publication(channel("activity"), 3));
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        Recovery recovery = store.recover(channel("activity"), 2, before.epoch());
        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.reason()).isEqualTo(RecoveryFailure.EPOCH_CHANGED);
        assertThat(recovery.current()).isEqualTo(after.position());
    }
}
