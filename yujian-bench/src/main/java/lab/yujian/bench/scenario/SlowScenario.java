package lab.yujian.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.proc.JstatSampler;
import lab.yujian.bench.report.Metric;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.run.Status;
import lab.yujian.bench.run.WindowResult;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;

/**
 * Slow consumers: K sessions (SO_RCVBUF {@value #STALLED_RCVBUF} bytes) stop reading while the publisher
 * runs at a fixed rate to N healthy ones. Each second: the app's RSS and heap in use, how many stalled
 * sessions are still open (each pokes its socket with a heart-beat every 100 ms, which is how it notices a
 * reset, so close times are known to 0.1 s), and the healthy sessions' deliveries. A healthy session pings
 * every 100 ms. Runs for the time cap, so the healthy sessions' window is the same length on every target.
 */
final class SlowScenario implements Scenario {

    static final int STALLED_RCVBUF = 4096;
    /** How often a stalled session pokes its socket: the close times it reports are this fine. */
    static final int POKES_PER_SECOND = 10;

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public String description(Bench bench) {
        BenchOptions o = bench.options();
        return String.format("%d sessions stop reading while %,d healthy ones get %d msg/s of about %,d bytes (text padded by %,d, "
                + "so that a stalled session falls behind within the time cap; the kernel's send buffer alone takes hundreds of KB); "
                + "warmed up %d s first; %d s; a healthy session pings every 100 ms", o.slowSessions(), o.sessions("slow"),
                o.slowRate(), 375 + o.slowPad(), o.slowPad(), o.warmup(), o.slowCap());
    }

    @Override
    public ScenarioResult run(Bench bench, Target target) throws Exception {
        BenchOptions o = bench.options();
        int n = o.sessions("slow");
        ScenarioResult result = new ScenarioResult(name(), target.kind());
        String who = target.kind().id() + " slow";
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, n + o.slowSessions() + 1, o.slowPad());
             JstatSampler heap = new JstatSampler(t.pids().get(0))) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            Load.open(bench, g, who, "sub", n, 500, 0, 120, true);
            Load.open(bench, g, who, "slow", o.slowSessions(), 0, STALLED_RCVBUF, 60, true);
            if (o.warmup() > 0) {
                Load.step(bench, g, t, who, "warm-up", o.slowRate(), o.warmup());
            }
            g.ping(100);
            long count = (long) o.slowRate() * o.slowCap();
            long first = bench.sequences(count);
            g.window(first, first + count - 1);
            double rss0 = Load.rssMib(t);
            double rssMax = rss0;
            double rssMaxStalled = rss0; // while any stalled session is open: what the stall itself costs
            double heapMax = heap.usedMib();
            double cpu0 = Load.appCpu(t);
            g.slowGroup("STALL");
            long start = System.nanoTime();
            g.publish(o.slowRate(), count, first);
            List<String> samples = new ArrayList<>();
            long lastRcv = 0;
            for (int second = 1; second <= o.slowCap(); second++) {
                for (int poke = 1; poke <= POKES_PER_SECOND; poke++) { // a close is seen at the next poke
                    long at = start + (second - 1) * 1_000_000_000L + poke * 1_000_000_000L / POKES_PER_SECOND;
                    Load.sleep(Math.max(0, at - System.nanoTime()) / 1_000_000);
                    g.slowGroup("POKE");
                }
                Status s = g.status();
                double rss = Load.rssMib(t);
                rssMax = Math.max(rssMax, rss);
                heapMax = Double.isNaN(heapMax) ? heap.usedMib() : Math.max(heapMax, heap.usedMib());
                long stalledOpen = s.open("slow");
                rssMaxStalled = stalledOpen > 0 ? Math.max(rssMaxStalled, rss) : rssMaxStalled;
                String sample = String.format("t=%ds RSS=%.0f MiB heap=%.0f MiB stalled open=%d delivered/s=%,d p99(1 s)=%.1f ms",
                        second, rss, heap.usedMib(), stalledOpen, s.received() - lastRcv, s.get("int.p99") / 1000.0);
                lastRcv = s.received();
                bench.log(who, sample);
                if (second % 10 == 0 || second == 1) {
                    samples.add(sample);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            g.slowGroup("RESUME"); // a close frame stuck behind unread data shows up now
            g.ping(0);
            double drained = drain(g);
            if (drained > 1) {
                result.note(String.format("after the cap, healthy deliveries went on for %.0f s more", drained));
            }
            double cpu = Load.appCpu(t) - cpu0;
            WindowResult r = g.result();
            report(result, g.slowCloses(), o, r, seconds, rss0, rssMax, rssMaxStalled, heapMax, cpu);
            samples.forEach(result::note);
        }
        return result;
    }

    /** Waits until the healthy sessions' deliveries stop moving for 3 s (at most 30 s); returns the seconds they moved. */
    private static double drain(Generator g) {
        long start = System.nanoTime();
        long lastChange = start;
        long seen = g.status().received();
        while (System.nanoTime() - lastChange < 3_000_000_000L && System.nanoTime() - start < 30_000_000_000L) {
            Load.sleep(250);
            long now = g.status().received();
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
        }
        return (lastChange - start) / 1e9;
    }

    private static void report(ScenarioResult result, List<String> slowLines, BenchOptions o, WindowResult r, double seconds,
                               double rss0, double rssMax, double rssMaxStalled, double heapMax, double cpu) {
        List<Double> closeTimes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (String line : slowLines) {
            String closes = line.substring(line.indexOf("closes=") + 7);
            if (!closes.equals("-")) {
                for (String c : closes.split(",")) {
                    String[] parts = c.split(":");
                    closeTimes.add(Long.parseLong(parts[0]) / 1000.0);
                    codes.add(parts[1].equals("-1") ? "no close frame" : parts[1]);
                }
            }
        }
        closeTimes.sort(Double::compare);
        boolean any = !closeTimes.isEmpty();
        result.add(Metric.info("stalled sessions closed by the server", closeTimes.size(), 0))
                .add(Metric.lower("first stalled close after (s)", any ? closeTimes.get(0) : Double.NaN, 1))
                .add(Metric.lower("median stalled close after (s)", any ? closeTimes.get(closeTimes.size() / 2) : Double.NaN, 1))
                .add(Metric.lower("last stalled close after (s)", any ? closeTimes.get(closeTimes.size() - 1) : Double.NaN, 1))
                .add(Metric.info("RSS at the stall (MiB)", rss0, 0))
                .add(Metric.lower("RSS max (MiB)", rssMax, 0))
                .add(Metric.lower("RSS max while a stalled session was open (MiB)", rssMaxStalled, 0))
                .add(Metric.lower("heap in use, max (MiB)", heapMax, 0))
                .add(Metric.lower("ping p50 (ms)", WindowResult.ms(r.ping, 50), 1))
                .add(Metric.lower("ping p99 (ms)", WindowResult.ms(r.ping, 99), 1))
                .add(Metric.lower("pings unanswered", r.unanswered, 0))
                .add(Metric.higher("healthy delivered/s", r.received / seconds, 0))
                .add(Metric.lower("healthy p99 (ms)", WindowResult.ms(r.latency, 99), 1))
                .add(Metric.lower("healthy lost", r.lost, 0))
                .add(Metric.lower("app CPU (s)", cpu, 1));
        result.note(String.format("closes of %d stalled sessions within %d s: %s; close codes: %s", o.slowSessions(), o.slowCap(),
                any ? closeTimes.stream().map(d -> String.format("%.1f s", d)).toList() : "none",
                codes.isEmpty() ? "none" : String.join(", ", codes)));
        result.note(String.format("healthy: %,d of %,d delivered (%,d missing after the drain) over %.0f s; %,d pings, %,d unanswered",
                r.received, r.expected(), r.lost, seconds, r.pings, r.unanswered));
    }
}
