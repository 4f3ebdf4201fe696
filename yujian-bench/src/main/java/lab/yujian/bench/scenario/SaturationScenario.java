package lab.yujian.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.report.Metric;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;

/**
 * The highest deliveries per second that keep p99 within the limit with no loss: the publish rate is
 * doubled from the first rate until a step fails, then bisected between the last pass and the first
 * failure. A failing step is run once more after the app is quiet, and fails only if it fails again, so
 * that one noisy second on a shared machine does not end the search. Bounded: at most {@link #MAX_STEPS} steps, and never above the options' highest rate.
 */
final class SaturationScenario implements Scenario {

    static final int MAX_STEPS = 10;
    static final int BISECTIONS = 3;

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String description(Bench bench) {
        BenchOptions o = bench.options();
        return String.format("%,d sessions; warm-up %d s, then steps of %d s (each after %d s at its rate): the rate doubles "
                + "from %d msg/s until p99 > %.0f ms or a loss, then is bisected %d times (a failing step is confirmed once); at most %d steps, at most %,d msg/s",
                o.sessions("saturation"), o.warmup(), o.stepDuration(), o.stepWarmup(), o.rates().get(0), o.p99LimitMs(),
                BISECTIONS, MAX_STEPS, o.maxRate());
    }

    private static Load.Step measure(Bench bench, Generator g, RunningTarget t, String who, String label, double rate) {
        if (bench.options().stepWarmup() > 0) {
            Load.step(bench, g, t, who, label + " warm-up", rate, bench.options().stepWarmup());
        }
        return Load.step(bench, g, t, who, label, rate, bench.options().stepDuration());
    }

    @Override
    public ScenarioResult run(Bench bench, Target target) throws Exception {
        BenchOptions o = bench.options();
        int n = o.sessions("saturation");
        ScenarioResult result = new ScenarioResult(name(), target.kind());
        String who = target.kind().id() + " saturation";
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, n + 1)) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            Load.open(bench, g, who, "sub", n, 500, 0, 120, true);
            double rate = o.rates().get(0);
            if (o.warmup() > 0) {
                Load.step(bench, g, t, who, "warm-up", rate, o.warmup());
            }
            double pass = 0;
            double fail = Double.NaN;
            Load.Step best = null;
            List<String> steps = new ArrayList<>();
            int bisections = 0;
            for (int i = 0; i < MAX_STEPS && rate > 0 && bisections <= BISECTIONS; i++) {
                Load.Step step = measure(bench, g, t, who, "step " + (i + 1), rate);
                boolean ok = step.healthy(o.p99LimitMs());
                if (!ok) {
                    Load.awaitDrained(g, t, 120); // let a backlog drain, then confirm: one noisy second must not end the search
                    step = measure(bench, g, t, who, "step " + (i + 1) + " again", rate);
                    ok = step.healthy(o.p99LimitMs());
                }
                result.point(step.offered(), step.p99(), ok);
                steps.add(String.format("%.1f msg/s (%,.0f offered): %,.0f delivered/s, p99 %.1f ms, %,d lost: %s", rate,
                        step.offered(), step.deliveredPerSecond(), step.p99(), step.result().lost, ok ? "pass" : "fail twice"));
                if (ok) {
                    pass = rate;
                    if (best == null || step.deliveredPerSecond() > best.deliveredPerSecond()) {
                        best = step;
                    }
                } else {
                    fail = rate;
                    Load.awaitDrained(g, t, 120);
                }
                if (!Double.isNaN(fail)) {
                    bisections++;
                    rate = (pass + fail) / 2;
                    if (fail - pass < 1) {
                        break;
                    }
                } else {
                    rate = Math.min(o.maxRate(), rate * 2);
                    if (rate == pass) {
                        break;
                    }
                }
            }
            result.add(Metric.higher("highest delivered/s within limits", best == null ? 0 : best.deliveredPerSecond(), 0))
                    .add(Metric.higher("at publish rate (msg/s)", pass, 1))
                    .add(Metric.lower("its p99 (ms)", best == null ? Double.NaN : best.p99(), 1))
                    .add(Metric.lower("its app CPU ms per 1,000 deliveries", best == null ? Double.NaN : best.cpuPerThousand(), 1))
                    .add(Metric.lower("of which system CPU ms (the kernel)", best == null ? Double.NaN : best.systemCpuPerThousand(), 1))
                    .add(Metric.lower("its generator CPU ms per 1,000 deliveries", best == null ? Double.NaN
                            : best.generatorCpuPerThousand(), 1))
                    .add(Metric.info("first failing publish rate (msg/s)", fail, 1));
            steps.forEach(s -> result.note("step " + s));
            if (Double.isNaN(fail)) {
                result.note("no step failed up to the highest rate allowed: the limit lies above it");
            }
        }
        return result;
    }
}
