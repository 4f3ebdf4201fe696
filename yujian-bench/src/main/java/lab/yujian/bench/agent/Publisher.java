package lab.yujian.bench.agent;

import java.util.concurrent.locks.LockSupport;
import lab.yujian.bench.client.Dialect;
import lab.yujian.bench.client.Session;

/**
 * Publishes {@code count} messages at {@code rate} per second on a schedule of its own thread: message i
 * is due at start + i/rate, so a late send is followed by catching up, and the offered rate holds on
 * average. Each message is stamped with its sequence number and {@code System.nanoTime()} at the send.
 */
final class Publisher {

    private volatile Thread thread;
    private volatile long published;
    private volatile long lastSeq;
    private volatile boolean done = true;

    void start(Session session, Dialect dialect, double rate, long count, long firstSeq) {
        stop();
        done = false;
        published = 0;
        Thread t = new Thread(() -> run(session, dialect, rate, count, firstSeq), "publisher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(Session session, Dialect dialect, double rate, long count, long firstSeq) {
        long start = System.nanoTime();
        double period = 1e9 / rate;
        for (long i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            long due = start + (long) (i * period);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long seq = firstSeq + i;
            session.send(dialect.publish(session.user(), seq, System.nanoTime()));
            lastSeq = seq;
            published = i + 1;
        }
        done = true;
    }

    /** One message with sequence 0, which no window counts: it tells a stock session its subscription is live. */
    void probe(Session session, Dialect dialect) {
        session.send(dialect.publish(session.user(), 0, System.nanoTime()));
    }

    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        done = true;
    }

    long published() { return published; }
    long lastSeq() { return lastSeq; }
    boolean done() { return done; }
}
