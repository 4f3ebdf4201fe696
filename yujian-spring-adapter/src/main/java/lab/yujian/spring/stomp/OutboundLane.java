package lab.yujian.spring.stomp;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The frames waiting for one session, in the order they were handed over, sent by one worker at a time.
 * It is bounded: {@link #offer} refuses a frame once the bytes already waiting reach the limit (so at most
 * the limit plus one frame waits, and one large frame can always go), or while a send has been stuck for
 * longer than the time limit; the caller then closes the session as a slow
 * consumer. Once refused, the lane stays closed and drops whatever it is offered.
 *
 * <p>Lock-free: producers append and at most one worker drains (the {@code scheduled} flag hands the
 * lane to one worker at a time).
 */
final class OutboundLane implements Runnable {

    private static final Log LOG = LogFactory.getLog(OutboundLane.class);

    /** What a frame costs beyond its payload, so that empty frames (heart-beats) count too. */
    static final int FRAME_OVERHEAD = 64;

    private record Frame(Runnable send, int bytes) {
    }

    private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final long maxBytes;
    private final long sendTimeLimitNanos;
    private volatile long sendStartedAt;
    private volatile boolean closed;

    /**
     * @param maxBytes           bytes waiting behind the frame in flight at which the next frame is
     *                           refused; a frame counts as its payload plus {@link #FRAME_OVERHEAD}
     * @param sendTimeLimitNanos longest one send may take before the next offer is refused
     */
    OutboundLane(long maxBytes, long sendTimeLimitNanos) {
        this.maxBytes = maxBytes;
        this.sendTimeLimitNanos = sendTimeLimitNanos;
    }

    /** What an offer did. */
    enum Offer {
        /** Queued; a worker is already on the lane. */
        QUEUED,
        /** Queued, and the caller must hand the lane to a worker. */
        SCHEDULE,
        /** Refused now: the session cannot keep up and must be closed. */
        OVERFLOW,
        /** Refused: the lane was closed earlier. */
        CLOSED
    }

    Offer offer(Runnable send, int bytes, long now) {
        if (closed) {
            return Offer.CLOSED;
        }
        long started = sendStartedAt;
        boolean stuck = started != 0 && now - started > sendTimeLimitNanos;
        int cost = bytes + FRAME_OVERHEAD;
        long before = waitingBytes.getAndAdd(cost);
        if (stuck || before >= maxBytes) {
            close();
            return Offer.OVERFLOW;
        }
        frames.add(new Frame(send, cost));
        return scheduled.compareAndSet(false, true) ? Offer.SCHEDULE : Offer.QUEUED;
    }

    /** Drains the lane; run by one worker at a time. */
    @Override
    public void run() {
        while (true) {
            Frame frame;
            while ((frame = frames.poll()) != null) {
                waitingBytes.addAndGet(-frame.bytes); // the frame in flight is timed, not counted
                if (!closed) {
                    sendStartedAt = System.nanoTime() | 1; // never 0 while sending
                    try {
                        frame.send.run();
                    } catch (RuntimeException e) {
                        // Spring has logged it and closes a session whose send failed; the lane goes on
                        LOG.debug("A send failed; the next frame follows", e);
                    } finally {
                        sendStartedAt = 0;
                    }
                }
            }
            scheduled.set(false);
            // A producer may have added a frame after the poll and seen the lane still scheduled.
            if (frames.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Drops everything waiting and refuses what comes; the session is going away. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    long waitingBytes() {
        return waitingBytes.get();
    }
}
