package lab.yujian.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.batch.FlushScheduler;

/** A {@link FlushScheduler} whose tasks run only when a test says so. */
public final class ManualScheduler implements FlushScheduler {

    private final List<Runnable> pending = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        pending.add(task);
        delays.add(delay);
    }

    /** Runs every task scheduled so far (tasks they schedule wait for the next call). */
    public void runPending() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(pending);
            pending.clear();
        }
        now.forEach(Runnable::run);
    }

    /** The delays of every task ever scheduled, in order. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    public synchronized int pendingCount() {
        return pending.size();
    }
}
