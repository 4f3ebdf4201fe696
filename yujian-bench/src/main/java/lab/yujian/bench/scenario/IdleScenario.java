package lab.yujian.bench.scenario;

import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.report.Metric;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.run.Status;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;

/**
 * What an idle session costs: heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) and
 * RSS with N sessions held, minus the same with none, divided by N. The zero-session baseline is taken
 * after N sessions have come and gone once, so that lazily built structures are in both. Then, on a
 * fresh process, whether a larger number of idle sessions holds at all.
 */
final class IdleScenario implements Scenario {

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public String description(Bench bench) {
        BenchOptions o = bench.options();
        String large = o.idleLarge() > 0 ? String.format("; then %,d idle sessions on a fresh process, held for %d s",
                o.idleLarge(), o.duration()) : "";
        return String.format("%,d idle sessions: heap after a full GC (jcmd GC.run, GC.heap_info) and RSS (VmRSS), minus the "
                + "same with 0 sessions, per session%s", o.sessions("idle"), large);
    }

    @Override
    public ScenarioResult run(Bench bench, Target target) throws Exception {
        BenchOptions o = bench.options();
        int n = o.sessions("idle");
        ScenarioResult result = new ScenarioResult(name(), target.kind());
        String who = target.kind().id() + " idle";
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, n + 1)) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            // RabbitMQ's baseline: the app(s) connected, no subscriber yet (its RSS need not shrink after sessions leave)
            boolean broker = t.usesBroker();
            java.util.List<Long> conn0 = broker ? Load.brokerConnections(t) : java.util.List.of();
            double brokerMem0 = broker ? Load.brokerMemoryMb(t) : Double.NaN;
            double brokerRss0 = broker ? Load.brokerRssMb(t) : Double.NaN;
            double queues0 = broker ? Load.brokerQueues() : Double.NaN;
            if (broker) {
                bench.log(who, String.format("0 sessions: RabbitMQ STOMP connections per node %s, RabbitMQ RSS %.1f MB, Erlang-allocated %.1f MB",
                        conn0, brokerRss0, brokerMem0));
            }
            Load.open(bench, g, who, "sub", n, 500, 0, 180, true);
            g.close("sub");
            Load.sleep(2000);
            Load.awaitQuiet(t, 30);
            double heap0 = Load.heapAfterGcMib(t);
            double rss0 = Load.rssMib(t);
            bench.log(who, String.format("0 sessions: heap %.1f MiB after GC, RSS %.1f MiB", heap0, rss0));
            Load.Opened opened = Load.open(bench, g, who, "sub", n, 500, 0, 180, true);
            Load.sleep(2000);
            Load.awaitQuiet(t, 30);
            double heap = Load.heapAfterGcMib(t);
            double rss = Load.rssMib(t);
            java.util.List<Long> conn = broker ? Load.brokerConnections(t) : java.util.List.of();
            double brokerMem = broker ? Load.brokerMemoryMb(t) : Double.NaN;
            double brokerRss = broker ? Load.brokerRssMb(t) : Double.NaN;
            double queues = broker ? Load.brokerQueues() : Double.NaN;
            long held = opened.ready();
            bench.log(who, String.format("%,d sessions: heap %.1f MiB after GC, RSS %.1f MiB", held, heap, rss));
            if (broker) {
                bench.log(who, String.format("%,d sessions: RabbitMQ STOMP connections per node %s, RabbitMQ RSS %.1f MB, Erlang-allocated %.1f MB",
                        held, conn, brokerRss, brokerMem));
            }
            result.add(Metric.lower("heap per idle session (KiB)", (heap - heap0) * 1024 / Math.max(1, held), 1))
                    .add(Metric.lower("RSS per idle session (KiB)", (rss - rss0) * 1024 / Math.max(1, held), 1))
                    .add(Metric.info("sessions held", held, 0))
                    .add(Metric.info("heap after GC, 0 sessions (MiB)", heap0, 1))
                    .add(Metric.info(String.format("heap after GC, %,d sessions (MiB)", n), heap, 1))
                    .add(Metric.info("RSS, 0 sessions (MiB)", rss0, 1))
                    .add(Metric.info(String.format("RSS, %,d sessions (MiB)", n), rss, 1));
            if (broker) {
                double perThousand = 1000.0 / Math.max(1, held);
                result.add(Metric.info("broker connections per node, 0 sessions", Load.maxPerNode(conn0), 0))
                        .add(Metric.lower(String.format("broker connections per node, %,d sessions", n), Load.maxPerNode(conn), 0))
                        .add(Metric.lower("RabbitMQ RSS per 1,000 idle sessions (MB)", (brokerRss - brokerRss0) * perThousand, 1))
                        .add(Metric.lower("RabbitMQ Erlang-allocated per 1,000 idle sessions (MB)", (brokerMem - brokerMem0) * perThousand, 1))
                        .add(Metric.lower(String.format("RabbitMQ queues added by %,d sessions", n), queues - queues0, 0))
                        .add(Metric.info("RabbitMQ RSS, 0 sessions (MB)", brokerRss0, 1))
                        .add(Metric.info(String.format("RabbitMQ RSS, %,d sessions (MB)", n), brokerRss, 1))
                        .add(Metric.info("RabbitMQ Erlang-allocated, 0 sessions (MB)", brokerMem0, 1))
                        .add(Metric.info(String.format("RabbitMQ Erlang-allocated, %,d sessions (MB)", n), brokerMem, 1));
                result.note(String.format("RabbitMQ STOMP connections per node (%d node(s), sessions spread evenly): %s with 0 sessions, "
                        + "%s with %,d", t.pids().size(), conn0, conn, held));
            }
        }
        if (o.idleLarge() > 0) {
            large(bench, target, o.idleLarge(), result);
        }
        return result;
    }

    /** Tries {@code n} idle sessions on a fresh process and records whether they held. */
    private void large(Bench bench, Target target, int n, ScenarioResult result) throws Exception {
        String who = target.kind().id() + " idle " + n;
        String refusal = target.preflight(n);
        if (refusal != null) {
            result.note(String.format("%,d idle sessions not tried: %s", n, refusal));
            return;
        }
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, n + 1)) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            Load.Opened opened = Load.open(bench, g, who, "sub", n, 500, 0, 300, true);
            Load.sleep(bench.options().duration() * 1000L);
            Status s = g.status();
            long open = s.live("sub");
            boolean alive = Load.alive(t);
            double heap = alive ? Load.heapAfterGcMib(t) : Double.NaN;
            double rss = alive ? Load.rssMib(t) : Double.NaN;
            boolean held = alive && open == n && opened.ready() == n;
            String label = String.format("%,d idle: ", n);
            result.add(Metric.higher(label + "sessions ready", opened.ready(), 0))
                    .add(Metric.higher(label + "ready and open after " + bench.options().duration() + " s more", open, 0))
                    .add(Metric.info(label + "heap after GC (MiB)", heap, 1))
                    .add(Metric.info(label + "RSS (MiB)", rss, 1));
            result.note(String.format("%,d idle sessions with %s: %s (%,d ready in %.1f s, %,d ready and open %d s later, %,d failed%s)%s",
                    n, String.join(" ", bench.options().appJvm()), held ? "held" : "did not hold", opened.ready(), opened.seconds(),
                    open, bench.options().duration(), opened.failed(), alive ? "" : ", the app died",
                    opened.firstError().isEmpty() ? "" : "; first error: " + opened.firstError()));
        }
    }
}
