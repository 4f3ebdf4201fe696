package lab.yujian.spring.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.spring.stomp.OutboundLane.Offer;
import org.junit.jupiter.api.Test;

class OutboundLaneTest {

    private static final long SECOND = 1_000_000_000L;

    private final List<Integer> sent = new ArrayList<>();

    private Runnable frame(int n) {
        return () -> sent.add(n);
    }

    @Test
    void theFirstOfferSchedulesTheLaneAndTheRestQueueBehindIt() {
        OutboundLane lane = new OutboundLane(10_000, SECOND);
        assertThat(lane.offer(frame(1), 10, 0)).isEqualTo(Offer.SCHEDULE);
        assertThat(lane.offer(frame(2), 10, 0)).isEqualTo(Offer.QUEUED);
        lane.run();
        assertThat(sent).containsExactly(1, 2);
        assertThat(lane.waitingBytes()).isZero();
        assertThat(lane.offer(frame(3), 10, 0)).as("drained, so it needs a worker again").isEqualTo(Offer.SCHEDULE);
    }

    @Test
    void framesAreSentInTheOrderTheyWereOffered() {
        OutboundLane lane = new OutboundLane(1_000_000, SECOND);
        for (int i = 0; i < 500; i++) {
            lane.offer(frame(i), 100, 0);
        }
        lane.run();
        assertThat(sent).hasSize(500).isSorted();
    }

    @Test
    void aBacklogAtTheLimitRefusesTheNextFrameAndClosesTheLane() {
        OutboundLane lane = new OutboundLane(2 * (100 + OutboundLane.FRAME_OVERHEAD), SECOND);
        assertThat(lane.offer(frame(1), 100, 0)).isEqualTo(Offer.SCHEDULE);
        assertThat(lane.offer(frame(2), 100, 0)).isEqualTo(Offer.QUEUED);
        assertThat(lane.offer(frame(3), 100, 0)).isEqualTo(Offer.OVERFLOW);
        assertThat(lane.isClosed()).isTrue();
        assertThat(lane.offer(frame(4), 1, 0)).isEqualTo(Offer.CLOSED);
        lane.run();
        assertThat(sent).as("a closed lane drops what waits").isEmpty();
    }

    @Test
    void oneFrameLargerThanTheLimitStillGoesWhenNothingWaits() {
        OutboundLane lane = new OutboundLane(1000, SECOND);
        assertThat(lane.offer(frame(1), 50_000, 0)).isEqualTo(Offer.SCHEDULE);
        lane.run();
        assertThat(sent).containsExactly(1);
    }

    @Test
    void aSendStuckPastTheTimeLimitRefusesTheNextFrame() throws Exception {
        OutboundLane lane = new OutboundLane(1_000_000, 1); // one nanosecond
        Thread worker = new Thread(lane);
        Object gate = new Object();
        lane.offer(() -> {
            synchronized (gate) {
                try {
                    gate.wait(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 10, 0);
        worker.start();
        while (lane.waitingBytes() != 0) {
            Thread.onSpinWait(); // until the worker took the frame
        }
        Thread.sleep(5);
        assertThat(lane.offer(frame(2), 10, System.nanoTime())).isEqualTo(Offer.OVERFLOW);
        synchronized (gate) {
            gate.notifyAll();
        }
        worker.join();
    }

    @Test
    void aFailingSendDoesNotStopTheLane() {
        OutboundLane lane = new OutboundLane(10_000, SECOND);
        lane.offer(() -> {
            throw new IllegalStateException("socket closed");
        }, 10, 0);
        lane.offer(frame(2), 10, 0);
        lane.run();
        assertThat(sent).containsExactly(2);
    }
}
