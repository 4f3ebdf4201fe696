package lab.yujian.bench.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import lab.yujian.bench.client.Dialect;
import lab.yujian.bench.client.Session;
import org.HdrHistogram.Histogram;

/**
 * A healthy session's round trip: every {@code interval} one ping with a token of its own (a millisecond
 * count, unique per ping), answered by a pong carrying the token back. Latency is measured on this clock.
 */
final class Pinger {

    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final Histogram histogram = new Histogram(3);
    private final LongAdder sent = new LongAdder();
    private volatile Thread thread;
    private long lastToken;

    void start(Session session, Dialect dialect, long intervalMillis) {
        stop();
        for (String frame : dialect.pingSubscribe(session.user())) {
            session.send(frame);
        }
        Thread t = new Thread(() -> loop(session, dialect, intervalMillis), "pinger");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop(Session session, Dialect dialect, long intervalMillis) {
        try {
            Thread.sleep(500); // a stock SUBSCRIBE has no RECEIPT: give the pong subscription time to register
            while (!Thread.currentThread().isInterrupted() && session.isOpen()) {
                long token = Math.max(lastToken + 1, System.currentTimeMillis());
                lastToken = token;
                pending.put(token, System.nanoTime());
                sent.increment();
                session.send(dialect.ping(session.user(), token));
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void answered(long token) {
        Long sentAt = pending.remove(token);
        if (sentAt != null) {
            synchronized (histogram) {
                histogram.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1000));
            }
        }
    }

    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            thread = null;
        }
    }

    void reset() {
        synchronized (histogram) {
            histogram.reset();
        }
        pending.clear();
        sent.reset();
    }

    Histogram histogram() {
        synchronized (histogram) {
            return histogram.copy();
        }
    }

    /** Pings sent in the window that have had no answer (yet). */
    long unanswered() {
        return pending.size();
    }

    long sent() {
        return sent.sum();
    }
}
