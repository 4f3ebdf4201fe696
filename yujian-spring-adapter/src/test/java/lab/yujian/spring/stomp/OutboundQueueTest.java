package lab.yujian.spring.stomp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import lab.yujian.spring.stomp.OutboundQueue.Action;
import lab.yujian.spring.stomp.OutboundQueue.Next;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static byte[] frame(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(Next next) {
        ByteBuffer batch = next.batch();
        byte[] bytes = new byte[batch.remaining()];
        batch.get(bytes);
        return new String(bytes, UTF_8);
    }

    /** Offers a frame to an idle queue and takes the write it hands out. */
    private static Next startWith(OutboundQueue queue, String frame, long now) {
        assertThat(queue.offer(frame(frame), now).action()).isEqualTo(Action.START);
        return queue.take(now);
    }

    @Test
    void theFirstFrameIsWrittenAtOnceAndTheNextWaitsForIt() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        Next first = startWith(queue, "a", 5);
        assertThat(first.action()).isEqualTo(Action.WRITE);
        assertThat(text(first)).isEqualTo("a");
        assertThat(queue.writingSince()).isEqualTo(5);
        assertThat(queue.offer(frame("b"), 6).action()).as("a write is in flight").isEqualTo(Action.NONE);
        Next second = queue.written(7);
        assertThat(text(second)).isEqualTo("b");
        assertThat(queue.written(8).action()).isEqualTo(Action.NONE);
        assertThat(queue.writingSince()).isZero();
    }

    @Test
    void aClaimedWriteTakesEveryFrameThatArrivedBeforeItStartedAndTheClockRunsFromTheClaim() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        assertThat(queue.offer(frame("a"), 5).action()).isEqualTo(Action.START);
        assertThat(queue.writingSince()).as("claimed, not yet started").isEqualTo(5);
        assertThat(queue.offer(frame("b"), 6).action()).as("only one claim at a time").isEqualTo(Action.NONE);
        assertThat(text(queue.take(9))).isEqualTo("ab");
        assertThat(queue.written(10).action()).isEqualTo(Action.NONE);
    }

    @Test
    void aClaimedWriteOfAQueueClosedMeanwhileWritesNothing() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        queue.offer(frame("a"), 5);
        queue.close();
        assertThat(queue.take(6).action()).isEqualTo(Action.NONE);
        assertThat(queue.writingSince()).isZero();
    }

    @Test
    void framesWaitingBehindAWriteAreCoalescedInOrderUpToTheBatchSize() {
        OutboundQueue queue = new OutboundQueue(10_000, 10);
        startWith(queue, "0", 1);
        for (String f : new String[] {"1111", "2222", "3333", "4"}) {
            queue.offer(frame(f), 1);
        }
        assertThat(text(queue.written(2))).isEqualTo("11112222");
        assertThat(text(queue.written(3))).isEqualTo("33334");
        assertThat(queue.written(4).action()).isEqualTo(Action.NONE);
        assertThat(queue.waitingBytes()).isZero();
    }

    @Test
    void aFrameThatWouldPassTheLimitBehindOthersOverflowsAndClosesTheQueue() {
        OutboundQueue queue = new OutboundQueue(10, 100);
        startWith(queue, "in-flight", 1);
        assertThat(queue.offer(frame("12345"), 1).action()).isEqualTo(Action.NONE);
        assertThat(queue.offer(frame("123456"), 1).action()).isEqualTo(Action.OVERFLOW);
        assertThat(queue.isClosed()).isTrue();
        assertThat(queue.waitingBytes()).isZero();
        assertThat(queue.offer(frame("x"), 1).action()).as("closed for good").isEqualTo(Action.NONE);
    }

    @Test
    void oneFrameLargerThanTheLimitIsStillTakenWhenNothingWaits() {
        OutboundQueue queue = new OutboundQueue(10, 100);
        startWith(queue, "in-flight", 1);
        assertThat(queue.offer(frame("a-large-frame-of-25-bytes"), 1).action()).isEqualTo(Action.NONE);
        assertThat(text(queue.written(2))).isEqualTo("a-large-frame-of-25-bytes");
    }

    @Test
    void aCloseWaitsForTheFramesBeforeItAndRefusesFramesAfterIt() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        startWith(queue, "MESSAGE", 1);
        queue.offer(frame("ERROR"), 1);
        assertThat(queue.closeWhenDrained().action()).isEqualTo(Action.NONE);
        assertThat(queue.offer(frame("late"), 1).action()).isEqualTo(Action.NONE);
        assertThat(text(queue.written(2))).isEqualTo("ERROR");
        assertThat(queue.written(3).action()).isEqualTo(Action.CLOSE);
    }

    @Test
    void aCloseOfAnIdleQueueIsCarriedOutAtOnceAndOnlyOnce() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        assertThat(queue.closeWhenDrained().action()).isEqualTo(Action.CLOSE);
        assertThat(queue.closeWhenDrained().action()).isEqualTo(Action.NONE);
    }
}
