package lab.yujian.core.batch;

import java.time.Duration;

/**
 * Runs a task once after a delay. The batcher's only view of time passing besides its clock; production
 * code backs it with a {@code ScheduledExecutorService}, tests run the tasks by hand.
 */
@FunctionalInterface
public interface FlushScheduler {

    /** Runs {@code task} once, no sooner than {@code delay} from now, on some other thread. */
    void schedule(Runnable task, Duration delay);
}
