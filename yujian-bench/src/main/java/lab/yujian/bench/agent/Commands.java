package lab.yujian.bench.agent;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import lab.yujian.bench.client.Session;
import lab.yujian.bench.proc.ProcStat;
import org.HdrHistogram.Histogram;

/**
 * The agent's commands. Each answers with one line: {@code OK}, {@code ERR <why>}, or a line of
 * {@code key=value} pairs.
 * <ul>
 *   <li>{@code OPEN <group> <count> <inflight> <rcvbuf>}: start opening sessions (poll STATUS)</li>
 *   <li>{@code STATUS}: per-group counts, deliveries in the window, the last interval's latency</li>
 *   <li>{@code WINDOW <from> <to>}: count only sequences in [from, to] from now on</li>
 *   <li>{@code PUBLISH <rate> <count> <firstSeq>}, {@code PROBE}: the publisher (group pub)</li>
 *   <li>{@code PING <intervalMs>}: the first sub session pings (0 stops)</li>
 *   <li>{@code STALL}, {@code POKE}, {@code RESUME}: the slow group stops reading, probes its socket, reads again</li>
 *   <li>{@code RESULT}: the window's totals and histograms; {@code SLOW}: the slow group's closes</li>
 *   <li>{@code CLOSE <group>}, {@code EXIT}</li>
 * </ul>
 */
final class Commands {

    private final Agent agent;
    private final PrintStream out;
    private final Publisher publisher = new Publisher();
    private long stalledAt;

    Commands(Agent agent, PrintStream out) {
        this.agent = agent;
        this.out = out;
    }

    boolean handle(String line) {
        String[] w = line.split(" ");
        try {
            switch (w[0]) {
                case "OPEN" -> {
                    String group = w[1];
                    int count = Integer.parseInt(w[2]);
                    int inflight = Integer.parseInt(w[3]);
                    int rcvbuf = Integer.parseInt(w[4]);
                    Thread t = new Thread(() -> openQuietly(group, count, inflight, rcvbuf), "opener-" + group);
                    t.setDaemon(true);
                    t.start();
                    out.println("OK");
                }
                case "STATUS" -> out.println(status());
                case "WINDOW" -> {
                    agent.window(Long.parseLong(w[1]), Long.parseLong(w[2]));
                    out.println("OK");
                }
                case "PUBLISH" -> {
                    publisher.start(pub(), agent.connector().dialect(), Double.parseDouble(w[1]), Long.parseLong(w[2]),
                            Long.parseLong(w[3]));
                    out.println("OK");
                }
                case "PROBE" -> {
                    publisher.probe(pub(), agent.connector().dialect());
                    out.println("OK");
                }
                case "PING" -> {
                    long interval = Long.parseLong(w[1]);
                    if (interval <= 0) {
                        agent.pinger.stop();
                    } else {
                        agent.pinger.start(agent.group(Agent.SUB).get(0), agent.connector().dialect(), interval);
                    }
                    out.println("OK");
                }
                case "STALL" -> {
                    stalledAt = System.nanoTime();
                    agent.group(Agent.SLOW).forEach(Session::stall);
                    out.println("OK");
                }
                case "POKE" -> {
                    agent.group(Agent.SLOW).forEach(Session::poke);
                    out.println("OK");
                }
                case "RESUME" -> {
                    agent.group(Agent.SLOW).forEach(Session::resume);
                    out.println("OK");
                }
                case "RESULT" -> out.println(result());
                case "SLOW" -> out.println(slow());
                case "CLOSE" -> {
                    agent.group(w[1]).forEach(Session::close);
                    out.println("OK");
                }
                case "EXIT" -> {
                    out.println("OK");
                    return false;
                }
                default -> out.println("ERR unknown command " + w[0]);
            }
        } catch (RuntimeException e) {
            out.println("ERR " + e);
        }
        return true;
    }

    private void openQuietly(String group, int count, int inflight, int rcvbuf) {
        try {
            agent.open(group, count, inflight, rcvbuf);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Session pub() {
        List<Session> pubs = agent.group(Agent.PUB);
        if (pubs.isEmpty()) {
            throw new IllegalStateException("no publisher session in this agent");
        }
        return pubs.get(0);
    }

    private String status() {
        StringBuilder sb = new StringBuilder("STATUS");
        for (String group : List.of(Agent.SUB, Agent.SLOW, Agent.PUB)) {
            Agent.GroupCounts c = agent.counts(group);
            sb.append(' ').append(group).append(".opened=").append(c.opened.sum())
                    .append(' ').append(group).append(".connected=").append(c.connected.sum())
                    .append(' ').append(group).append(".ready=").append(c.ready.sum())
                    .append(' ').append(group).append(".closed=").append(c.closed.sum())
                    .append(' ').append(group).append(".failed=").append(c.failed.sum())
                    .append(' ').append(group).append(".live=").append(live(group));
        }
        Histogram interval = agent.drainInterval();
        sb.append(" rcv=").append(agent.windowReceived())
                .append(" all=").append(agent.allReceived())
                .append(" int.count=").append(interval.getTotalCount())
                .append(" int.p99=").append(interval.getValueAtPercentile(99))
                .append(" pub.n=").append(publisher.published())
                .append(" pub.done=").append(publisher.done() ? 1 : 0)
                .append(" cpu=").append(ProcStat.cpuTicks(ProcessHandle.current().pid()))
                .append(" errors=").append(agent.errors())
                .append(" ").append(agent.connector().wire().summary());
        return sb.append(" err=").append(agent.firstError()).toString();
    }

    /** Sessions of the group that are ready and not closed. */
    private long live(String group) {
        long live = 0;
        for (Session s : agent.group(group)) {
            live += s.state() == Session.State.READY ? 1 : 0;
        }
        return live;
    }

    private String result() {
        agent.drainInterval();
        long window = agent.windowSize();
        long subs = 0;
        long lost = 0;
        long disorder = 0;
        long duplicates = 0;
        for (Session s : agent.group(Agent.SUB)) {
            if (s.readyNanos() == 0) {
                continue;
            }
            subs++;
            lost += Math.max(0, window - s.received);
            disorder += s.disorder;
            duplicates += s.duplicates;
        }
        return "RESULT window=" + window + " subs=" + subs + " rcv=" + agent.windowReceived() + " lost=" + lost
                + " disorder=" + disorder + " duplicates=" + duplicates + " body=" + Math.round(agent.averageBody())
                + " pings=" + agent.pinger.sent() + " unanswered=" + agent.pinger.unanswered()
                + " cpu=" + ProcStat.cpuTicks(ProcessHandle.current().pid())
                + " lat=" + encode(agent.windowLatency()) + " ping=" + encode(agent.pinger.histogram());
    }

    private String slow() {
        StringBuilder closes = new StringBuilder();
        int open = 0;
        for (Session s : agent.group(Agent.SLOW)) {
            if (s.isOpen()) {
                open++;
            } else {
                closes.append(closes.length() == 0 ? "" : ",")
                        .append(stalledAt == 0 ? -1 : (s.closedNanos() - stalledAt) / 1_000_000).append(':').append(s.closeCode());
            }
        }
        return "SLOW n=" + agent.group(Agent.SLOW).size() + " open=" + open + " closes=" + (closes.length() == 0 ? "-" : closes);
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    void shutdown() {
        publisher.stop();
        agent.pinger.stop();
        for (String group : List.of(Agent.SUB, Agent.SLOW, Agent.PUB)) {
            agent.group(group).forEach(Session::close);
        }
    }
}
