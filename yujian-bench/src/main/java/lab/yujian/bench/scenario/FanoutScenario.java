package lab.yujian.bench.scenario;

import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.report.Metric;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.run.WindowResult;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;

/**
 * Fan-out at fixed rates: N subscribers of one topic, one publisher at each rate in turn; each rate is
 * warmed up, then measured. Reports deliveries per second, latency percentiles, loss by sequence, app
 * CPU per 1,000 deliveries and the generator's own CPU.
 */
final class FanoutScenario implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String description(Bench bench) {
        BenchOptions o = bench.options();
        return String.format("%,d sessions on one topic, one publisher at %s msg/s; each rate warmed up for %d s, then measured "
                + "for %d s", o.sessions("fanout"), o.ratesText(), o.warmup(), o.duration());
    }

    @Override
    public ScenarioResult run(Bench bench, Target target) throws Exception {
        BenchOptions o = bench.options();
        int n = o.sessions("fanout");
        ScenarioResult result = new ScenarioResult(name(), target.kind());
        String who = target.kind().id() + " fanout";
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, n + 1)) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            Load.Opened opened = Load.open(bench, g, who, "sub", n, 500, 0, 120, true);
            if (opened.ready() < n) {
                result.note(String.format("only %,d of %,d sessions became ready: %s", opened.ready(), n, opened.firstError()));
            }
            for (int rate : o.rates()) {
                if (o.warmup() > 0) {
                    Load.step(bench, g, t, who, "warm-up", rate, o.warmup());
                }
                Load.Step step = Load.step(bench, g, t, who, "measure", rate, o.duration());
                String at = String.format("%,d × %d/s: ", step.subscribers(), rate);
                WindowResult r = step.result();
                result.add(Metric.higher(at + "delivered/s", step.deliveredPerSecond(), 0))
                        .add(Metric.lower(at + "p50 (ms)", WindowResult.ms(r.latency, 50), 1))
                        .add(Metric.lower(at + "p90 (ms)", WindowResult.ms(r.latency, 90), 1))
                        .add(Metric.lower(at + "p99 (ms)", step.p99(), 1))
                        .add(Metric.lower(at + "max (ms)", r.latency.getMaxValue() / 1000.0, 1))
                        .add(Metric.lower(at + "lost", r.lost, 0))
                        .add(Metric.lower(at + "app CPU ms per 1,000 deliveries", step.cpuPerThousand(), 1))
                        .add(Metric.lower(at + "of which system CPU ms (the kernel)", step.systemCpuPerThousand(), 1))
                        .add(Metric.lower(at + "app CPU (s)", step.appCpu(), 1))
                        .add(Metric.lower(at + "generator CPU (s)", step.generatorCpu(), 1));
                if (t.brokerPid() > 0) {
                    result.add(Metric.lower(at + "RabbitMQ CPU (s)", step.brokerCpu(), 1));
                }
                result.point(step.offered(), step.p99(), step.healthy(o.p99LimitMs()));
                result.note(String.format("%s%,d of %,d delivered, %,d out of order, body %d bytes, wire: %s", at, r.received,
                        r.expected(), r.disorder, r.bodyBytes, step.wire()));
            }
            if (t.usesBroker()) {
                java.util.List<Long> connections = Load.brokerConnections(t);
                result.add(Metric.lower(String.format("broker connections per node, %,d sessions", n + 1), Load.maxPerNode(connections), 0));
                result.note("RabbitMQ STOMP connections per node after the last rate: " + connections);
            }
        }
        return result;
    }
}
