package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.Recovery;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.RecoveryFailure;

/**
 * One channel's delivery on this node: it takes the channel's publications in whatever order the broker
 * brings them, and hands them to local delivery in sequence order, with no gap and no duplicate. When a
 * sequence is missing it waits {@code gapWait} for it, then reads it from history itself, so that
 * clients never pay for cross-node reordering. It exists while the node has a session on the channel
 * (reference-counted, see {@link ChannelStreams}).
 *
 * <p>Its state is guarded by its own monitor, and delivery happens under it: the channel's messages reach
 * the sessions one at a time, in order. History is read outside the monitor, by one repair at a time.
 */
final class ChannelStream {

    private static final System.Logger LOG = System.getLogger(ChannelStream.class.getName());
    /** Messages held for a gap beyond which the stream repairs at once instead of waiting. */
    private static final int MAX_PENDING = 10_000;
    /** Epochs seen before the current one; their late messages are dropped. */
    private static final int OLD_EPOCHS = 4;

    final String channel;
    private final HistoryStore history;
    private final Consumer<Published> delivery;
    private final ScheduledExecutorService timer;
    private final Executor repairs;
    private final Duration gapWait;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private int references;
    private boolean closed;
    private boolean started;
    private @Nullable String epoch;
    private long next;
    private final TreeMap<Long, Published> pending = new TreeMap<>();
    private final ArrayDeque<String> oldEpochs = new ArrayDeque<>();
    private @Nullable ScheduledFuture<?> gapTimer;
    private boolean repairing;
    private boolean repairAgain;

    ChannelStream(String channel, HistoryStore history, Consumer<Published> delivery, ScheduledExecutorService timer,
                  Executor repairs, Duration gapWait) {
        this.channel = channel;
        this.history = history;
        this.delivery = delivery;
        this.timer = timer;
        this.repairs = repairs;
        this.gapWait = gapWait;
    }

    /**
     * Adds a reference.
     *
     * @return 1 for the first reference (the caller must {@link #start} the stream), more for later ones,
     *         0 if the stream is closed (the caller must use a new one)
     */
    synchronized int retain() {
        return closed ? 0 : ++references;
    }

    /** Drops a reference; returns how many are left. */
    synchronized int release() {
        return references > 0 ? --references : 0;
    }

    /** Closes the stream if nobody retained it since; true if it did. */
    synchronized boolean closeIfUnused() {
        if (references == 0 && !closed) {
            closed = true;
            cancelGapTimer();
            pending.clear();
            return true;
        }
        return false;
    }

    /** Starts delivering after {@code position}: everything up to it is in history already. */
    void start(StreamPosition position) {
        synchronized (this) {
            epoch = position.epoch();
            next = position.sequence() + 1;
            started = true;
            Map<Long, Published> early = new TreeMap<>(pending);
            pending.clear();
            early.values().forEach(this::accept);
        }
        ready.complete(null);
    }

    /** The stream could not start; every waiter is told. */
    void fail(RuntimeException cause) {
        synchronized (this) {
            closed = true;
        }
        ready.completeExceptionally(cause);
    }

    /** Waits until the stream delivers; rethrows why it could not start. */
    void awaitStarted(Duration timeout) throws Exception {
        ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** The position up to which every message was delivered. */
    synchronized @Nullable StreamPosition delivered() {
        return started && next > 1 ? new StreamPosition(next - 1, epoch) : null;
    }

    /** Takes a publication from the broker, in any order, possibly twice. */
    synchronized void offer(Published publication) {
        if (closed) {
            return;
        }
        if (!started) {
            pending.putIfAbsent(publication.sequence(), publication);
            return;
        }
        accept(publication);
    }

    private void accept(Published publication) {
        if (!publication.epoch().equals(epoch)) {
            if (oldEpochs.contains(publication.epoch())) {
                return; // late, from a stream that was rebuilt since
            }
            // History was lost and restarted under a new epoch: its sequences start again at 1
            rememberEpoch(epoch);
            epoch = publication.epoch();
            next = 1;
            pending.clear();
        }
        long sequence = publication.sequence();
        if (sequence < next) {
            return; // delivered already
        }
        if (sequence == next) {
            deliver(publication);
            drainPending();
            return;
        }
        pending.putIfAbsent(sequence, publication);
        if (pending.size() > MAX_PENDING) {
            repairSoon(0);
        } else if (gapTimer == null) {
            gapTimer = timer.schedule(() -> repairSoon(0), gapWait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void deliver(Published publication) {
        next = publication.sequence() + 1;
        try {
            delivery.accept(publication);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering " + publication + " to local sessions failed", e);
        }
    }

    private void drainPending() {
        while (!pending.isEmpty()) {
            Map.Entry<Long, Published> first = pending.firstEntry();
            if (first.getKey() < next) {
                pending.pollFirstEntry();
            } else if (first.getKey() == next) {
                pending.pollFirstEntry();
                deliver(first.getValue());
            } else {
                return;
            }
        }
        cancelGapTimer();
    }

    /**
     * Reads what history holds after the last delivered sequence and delivers it: after a reconnect,
     * when the node may have missed messages without seeing a gap.
     */
    void catchUp() {
        repairSoon(0);
    }

    private synchronized void repairSoon(long delayNanos) {
        cancelGapTimer();
        if (closed || !started) {
            return;
        }
        if (repairing) {
            repairAgain = true;
            return;
        }
        repairing = true;
        if (delayNanos > 0) {
            gapTimer = timer.schedule(() -> repairs.execute(this::repair), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            repairs.execute(this::repair);
        }
    }

    private void repair() {
        long after;
        String since;
        synchronized (this) {
            gapTimer = null;
            after = next - 1;
            since = epoch;
        }
        Recovery recovery;
        try {
            recovery = history.recover(channel, after, since);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "History of " + channel + " unavailable to fill a gap; retrying: " + e);
            synchronized (this) {
                repairing = false;
            }
            repairSoon(Math.max(gapWait.toNanos(), 500_000_000L));
            return;
        }
        synchronized (this) {
            repairing = false;
            if (closed || !since.equals(epoch) || next - 1 != after) {
                repairAgain = true; // moved on meanwhile: look again from where it is now
            } else {
                apply(recovery);
            }
            boolean again = repairAgain || !pending.isEmpty();
            repairAgain = false;
            if (again && !closed) {
                repairSoon(recovery.recovered() ? 0 : gapWait.toNanos());
            }
        }
    }

    private void apply(Recovery recovery) {
        if (recovery.recovered()) {
            for (Published message : recovery.messages()) {
                accept(message);
            }
            drainPending();
            return;
        }
        if (recovery.reason() == RecoveryFailure.EPOCH_CHANGED) {
            // The stream was rebuilt: deliver the new one from its start; sessions sync for themselves
            rememberEpoch(epoch);
            epoch = recovery.current().epoch();
            next = 1;
            pending.clear();
            repairAgain = true;
        } else if (recovery.missing() != null) {
            // Trimmed: what is missing cannot be delivered; sessions see the gap and sync for themselves
            next = recovery.missing().to() + 1;
            repairAgain = true;
        }
        drainPending();
    }

    private void rememberEpoch(@Nullable String old) {
        if (old != null) {
            oldEpochs.addLast(old);
            while (oldEpochs.size() > OLD_EPOCHS) {
                oldEpochs.removeFirst();
            }
        }
    }

    private void cancelGapTimer() {
        if (gapTimer != null) {
            gapTimer.cancel(false);
            gapTimer = null;
        }
    }
}
