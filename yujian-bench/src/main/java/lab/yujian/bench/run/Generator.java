package lab.yujian.bench.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.yujian.bench.proc.ProcStat;
import lab.yujian.bench.targets.RunningTarget;

/**
 * The load generator as the bench sees it: one or more agent processes, each holding at most
 * {@link #PER_AGENT} sessions (a process has 20,000 file descriptors) and binding its own source address
 * (127.0.0.1, .2, …, so each has its own ephemeral ports). The publisher and the pinger live in agent 0;
 * subscribers are spread evenly. For a target with several nodes, agent k connects to node k mod n.
 */
public final class Generator implements AutoCloseable {

    /** Sessions one agent holds at most. */
    public static final int PER_AGENT = 12_000;

    private final List<AgentProcess> agents = new ArrayList<>();

    /**
     * Starts enough agents for {@code sessions} sessions against {@code target}; the publisher pads each
     * message's text with {@code padBytes} characters.
     */
    public Generator(RunningTarget target, int sessions, int padBytes, GeneratorSettings settings, Path logDir) throws IOException {
        int count = Math.max(target.endpoints().size(), (sessions + PER_AGENT - 1) / PER_AGENT);
        for (int k = 0; k < count; k++) {
            URI url = target.endpoints().get(k % target.endpoints().size());
            List<String> args = new ArrayList<>(List.of("--url", url.toString(), "--dialect", target.dialect(),
                    "--source", "127.0.0." + (1 + k), "--io-threads", Integer.toString(settings.ioThreads()),
                    "--pad", Integer.toString(padBytes)));
            if (target.secret() != null) {
                args.addAll(List.of("--secret", target.secret()));
            }
            agents.add(new AgentProcess("a" + k, settings.javaOptions(), settings.classpath(), args,
                    logDir.resolve("generator-a" + k + ".log")));
        }
    }

    public int agents() {
        return agents.size();
    }

    /** Starts opening {@code count} sessions of {@code group}, spread over the agents (the publisher: agent 0). */
    public void open(String group, int count, int inflight, int receiveBuffer) {
        if ("pub".equals(group)) {
            agents.get(0).call("OPEN pub " + count + " " + inflight + " " + receiveBuffer);
            return;
        }
        int n = agents.size();
        for (int k = 0; k < n; k++) {
            int share = count / n + (k < count % n ? 1 : 0);
            if (share > 0) {
                agents.get(k).call("OPEN " + group + " " + share + " " + Math.max(0, inflight / n) + " " + receiveBuffer);
            }
        }
    }

    public Status status() {
        Status status = new Status();
        agents.forEach(a -> status.add(a.call("STATUS")));
        return status;
    }

    public void window(long from, long to) {
        agents.forEach(a -> a.call("WINDOW " + from + " " + to));
    }

    public void publish(double rate, long count, long firstSeq) {
        agents.get(0).call("PUBLISH " + rate + " " + count + " " + firstSeq);
    }

    public void probe() {
        agents.get(0).call("PROBE");
    }

    public void ping(long intervalMillis) {
        agents.get(0).call("PING " + intervalMillis);
    }

    /** STALL, POKE or RESUME on every agent's slow group. */
    public void slowGroup(String command) {
        agents.forEach(a -> a.call(command));
    }

    /** Every agent's slow-group closes: {@code millisAfterStall:closeCode}, comma-separated, and how many are open. */
    public List<String> slowCloses() {
        List<String> lines = new ArrayList<>();
        agents.forEach(a -> lines.add(a.call("SLOW")));
        return lines;
    }

    public WindowResult result() {
        WindowResult result = new WindowResult();
        agents.forEach(a -> result.add(a.call("RESULT")));
        return result;
    }

    public void close(String group) {
        agents.forEach(a -> a.call("CLOSE " + group));
    }

    /** CPU seconds used so far by all agents. */
    public double cpuSeconds() {
        double total = 0;
        for (AgentProcess a : agents) {
            total += Math.max(0, ProcStat.cpuSeconds(a.pid()));
        }
        return total;
    }

    @Override
    public void close() {
        agents.forEach(AgentProcess::close);
    }
}
