package lab.yujian.bench.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import lab.yujian.bench.client.Connector;
import lab.yujian.bench.client.Session;
import lab.yujian.bench.client.SessionListener;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One generator process's sessions and what they measured. Sessions belong to groups: {@code sub} (the
 * measured subscribers), {@code slow} (subscribers that will stall), {@code pub} (the publisher). Latency
 * and loss count only {@code sub} sessions and only messages whose sequence lies in the current window.
 */
final class Agent implements SessionListener {

    static final String SUB = "sub";
    static final String SLOW = "slow";
    static final String PUB = "pub";

    private final Connector connector;
    private final String prefix;
    private final Map<String, List<Session>> groups = new ConcurrentHashMap<>();
    private final Map<String, GroupCounts> counts = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final Histogram windowLatency = new Histogram(3);
    private final LongAdder windowReceived = new LongAdder();
    private final LongAdder allReceived = new LongAdder();
    private final LongAdder bodyBytes = new LongAdder();
    private final LongAdder bodies = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong lastErrorAt = new AtomicLong();
    private volatile String firstError = "";
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MAX_VALUE;
    private volatile Semaphore opening;
    final Pinger pinger = new Pinger();

    Agent(Connector connector, String prefix) {
        this.connector = connector;
        this.prefix = prefix;
    }

    Connector connector() { return connector; }

    List<Session> group(String name) {
        return groups.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    GroupCounts counts(String name) {
        return counts.computeIfAbsent(name, n -> new GroupCounts());
    }

    /** Opens {@code count} sessions of a group, at most {@code inflight} unconnected at once (0: all at once). */
    void open(String group, int count, int inflight, int receiveBuffer) throws InterruptedException {
        opening = inflight > 0 ? new Semaphore(inflight) : null;
        List<Session> sessions = group(group);
        for (int i = 0; i < count; i++) {
            Semaphore permits = opening;
            if (permits != null) {
                permits.acquire();
            }
            Session session = new Session(prefix + "-" + group + "-" + sessions.size(), group);
            sessions.add(session);
            counts(group).opened.increment();
            connector.open(session, this, receiveBuffer);
        }
    }

    /** Counts only messages with a sequence in [from, to] from now on, and forgets what was counted. */
    void window(long from, long to) {
        windowFrom = Long.MAX_VALUE;
        windowTo = Long.MAX_VALUE;
        for (List<Session> sessions : groups.values()) {
            for (Session s : sessions) {
                s.received = 0;
                s.seen = null;
                s.duplicates = 0;
                s.lastSeq = 0;
                s.disorder = 0;
            }
        }
        latency.reset();
        synchronized (windowLatency) {
            windowLatency.reset();
        }
        windowReceived.reset();
        pinger.reset();
        windowFrom = from;
        windowTo = to;
    }

    long windowSize() {
        return windowFrom == Long.MAX_VALUE ? 0 : windowTo - windowFrom + 1;
    }

    /** Moves what was recorded since the last call into the window's histogram and returns that interval. */
    Histogram drainInterval() {
        Histogram interval = latency.getIntervalHistogram();
        synchronized (windowLatency) {
            windowLatency.add(interval);
        }
        return interval;
    }

    Histogram windowLatency() {
        synchronized (windowLatency) {
            return windowLatency.copy();
        }
    }

    long windowReceived() { return windowReceived.sum(); }
    /** Stamped messages the sub sessions received, in any window or none: shows whether a backlog still drains. */
    long allReceived() { return allReceived.sum(); }
    long errors() { return errors.sum(); }
    String firstError() { return firstError; }
    double averageBody() { return bodies.sum() == 0 ? 0 : (double) bodyBytes.sum() / bodies.sum(); }

    @Override
    public void connected(Session session) {
        counts(session.group()).connected.increment();
        release();
    }

    @Override
    public void ready(Session session) {
        counts(session.group()).ready.increment();
    }

    @Override
    public void message(Session session, long seq, long sentNanos, int bodyBytes) {
        if (!Agent.SUB.equals(session.group())) {
            return;
        }
        allReceived.increment();
        if (seq < windowFrom || seq > windowTo) {
            return;
        }
        long micros = Math.max(0, (System.nanoTime() - sentNanos) / 1000);
        latency.recordValue(micros);
        java.util.BitSet seen = session.seen;
        if (seen == null) {
            seen = new java.util.BitSet((int) Math.min(1 << 20, windowTo - windowFrom + 1));
            session.seen = seen;
        }
        int bit = (int) (seq - windowFrom);
        if (seen.get(bit)) {
            session.duplicates++;
            return;
        }
        seen.set(bit);
        session.received++;
        windowReceived.increment();
        if (seq < session.lastSeq) {
            session.disorder++;
        } else {
            session.lastSeq = seq;
        }
        this.bodyBytes.add(bodyBytes);
        bodies.increment();
    }

    @Override
    public void pong(Session session, long token) {
        pinger.answered(token);
    }

    @Override
    public void error(Session session, String text) {
        errors.increment();
        if (firstError.isEmpty()) {
            firstError = session.user() + ": " + text.replace('\n', ' ');
        }
        lastErrorAt.set(System.nanoTime());
    }

    @Override
    public void closed(Session session, int closeCode) {
        GroupCounts c = counts(session.group());
        c.closed.increment();
        if (session.failed()) {
            c.failed.increment();
            release();
        }
    }

    private void release() {
        Semaphore permits = opening;
        if (permits != null) {
            permits.release();
        }
    }

    /** Per-group session counts. */
    static final class GroupCounts {
        final LongAdder opened = new LongAdder();
        final LongAdder connected = new LongAdder();
        final LongAdder ready = new LongAdder();
        final LongAdder closed = new LongAdder();
        final LongAdder failed = new LongAdder();
    }
}
