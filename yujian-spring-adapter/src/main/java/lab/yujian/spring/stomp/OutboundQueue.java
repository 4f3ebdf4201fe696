package lab.yujian.spring.stomp;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import lab.yujian.protocol.Nullable;

/**
 * The frames waiting for one session, bounded in bytes, with at most one write in flight.
 * <ul>
 *   <li>Whoever offers a frame to an idle queue claims its next write, {@link Action#START}, and starts it
 *       with {@link #take}, now or soon on another thread (a fan-out claims many, then starts them in
 *       parallel). Whoever completes a write is handed the next batch.</li>
 *   <li>Whatever waits when a write is taken goes out in it, coalesced into one WebSocket message of up to
 *       {@code maxBatchBytes} (STOMP frames end with a NUL, so a client reads several from one message):
 *       a backlog turns into few large writes instead of many small ones.</li>
 *   <li>It refuses a frame once the bytes waiting would pass {@code maxBytes} (one frame larger than that is
 *       still taken when nothing waits): the session is then too slow and must be closed.</li>
 *   <li>A close asked for while frames wait is carried out once they are written, so that an ERROR frame
 *       always reaches the client before the close.</li>
 * </ul>
 * All methods lock only this queue. Times are {@link System#nanoTime()}.
 */
final class OutboundQueue {

    /** What the caller must do next. */
    enum Action {
        /** Write {@link Next#batch()}; report the result with {@link #written}. */
        WRITE,
        /** A write is the caller's to start: call {@link #take} (now, or soon on another thread). */
        START,
        /** Nothing: a write is in flight or claimed, or the queue is idle and empty. */
        NONE,
        /** Close the session now: every frame is written and a close was asked for. */
        CLOSE,
        /** Close the session now as too slow: the frame overflowed the queue. */
        OVERFLOW
    }

    /** An action, with the batch to write for {@link Action#WRITE}. */
    record Next(Action action, @Nullable ByteBuffer batch) {
        static final Next NONE = new Next(Action.NONE, null);
        static final Next START = new Next(Action.START, null);
        static final Next CLOSE = new Next(Action.CLOSE, null);
        static final Next OVERFLOW = new Next(Action.OVERFLOW, null);
    }

    private final ArrayDeque<byte[]> frames = new ArrayDeque<>(4);
    private final long maxBytes;
    private final int maxBatchBytes;
    private long waitingBytes;
    /** When the write in flight (or claimed) was claimed; 0 when none is. */
    private long writingSince;
    private boolean closeWhenDrained;
    private boolean closed;

    /**
     * @param maxBytes      bytes that may wait
     * @param maxBatchBytes most bytes coalesced into one write
     */
    OutboundQueue(long maxBytes, int maxBatchBytes) {
        this.maxBytes = maxBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Adds a frame. */
    synchronized Next offer(byte[] frame, long now) {
        if (closed || closeWhenDrained) {
            return Next.NONE;
        }
        if (!frames.isEmpty() && waitingBytes + frame.length > maxBytes) {
            closed = true;
            frames.clear();
            waitingBytes = 0;
            return Next.OVERFLOW;
        }
        frames.addLast(frame);
        waitingBytes += frame.length;
        if (writingSince != 0) {
            return Next.NONE;
        }
        writingSince = now == 0 ? 1 : now; // claimed: the send time limit counts from here
        return Next.START;
    }

    /**
     * Takes the batch of a claimed write ({@link Action#START}): everything that
     * waits now. {@link Action#NONE} or {@link Action#CLOSE} if nothing does any more.
     */
    synchronized Next take(long now) {
        if (closed) {
            writingSince = 0;
            return Next.NONE;
        }
        if (frames.isEmpty()) {
            writingSince = 0;
            return drained();
        }
        return startWrite(now);
    }

    /** The write in flight completed; returns the next batch, a pending close, or nothing. */
    synchronized Next written(long now) {
        writingSince = 0;
        if (closed) {
            return Next.NONE;
        }
        if (frames.isEmpty()) {
            return drained();
        }
        return startWrite(now);
    }

    /** Asks for a close once every waiting frame is written: {@link Action#CLOSE} if that is now. */
    synchronized Next closeWhenDrained() {
        if (closed) {
            return Next.NONE;
        }
        if (writingSince == 0 && frames.isEmpty()) {
            closed = true;
            return Next.CLOSE;
        }
        closeWhenDrained = true;
        return Next.NONE;
    }

    /** Drops every waiting frame and refuses what comes: the session is closing. */
    synchronized void close() {
        closed = true;
        frames.clear();
        waitingBytes = 0;
    }

    /** When the write in flight (or claimed) was claimed, or 0 when none is. */
    synchronized long writingSince() {
        return writingSince;
    }

    synchronized long waitingBytes() {
        return waitingBytes;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private Next drained() {
        if (closeWhenDrained) {
            closed = true;
            return Next.CLOSE;
        }
        return Next.NONE;
    }

    private Next startWrite(long now) {
        writingSince = now == 0 ? 1 : now;
        byte[] first = frames.pollFirst();
        waitingBytes -= first.length;
        if (frames.isEmpty() || first.length + frames.peekFirst().length > maxBatchBytes) {
            return new Next(Action.WRITE, ByteBuffer.wrap(first)); // the common case: no copy
        }
        int size = first.length;
        int count = 1;
        for (byte[] frame : frames) {
            if (size + frame.length > maxBatchBytes) {
                break;
            }
            size += frame.length;
            count++;
        }
        ByteBuffer batch = ByteBuffer.allocate(size).put(first);
        for (int i = 1; i < count; i++) {
            byte[] frame = frames.pollFirst();
            waitingBytes -= frame.length;
            batch.put(frame);
        }
        return new Next(Action.WRITE, batch.flip());
    }
}
