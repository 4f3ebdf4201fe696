package lab.yujian.bench.scenario;

import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.report.Metric;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;

/**
 * N sessions connecting at once (every connect started without waiting for another): the wall time until
 * each has CONNECTED and a live subscription (RECEIPT, or for the simple broker the first probe message),
 * then until the app's CPU is quiet again, and the app CPU spent. Storms of the same size, each connected
 * and closed again, warm the target up first, repeated until the warm-up time ({@code --warmup}) has passed
 * (at least one): a single storm leaves the JIT compiling the connect path for seconds after the next one,
 * so the measured storm would time the compiler rather than the connects.
 */
final class StormScenario implements Scenario {

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public String description(Bench bench) {
        BenchOptions o = bench.options();
        return String.format("%,d sessions connecting at once, after warm-up storms of the same size (repeated for at least "
                + "%d s); settled = every session CONNECTED and subscribed, and the app under 5 %% of a core for 1 s",
                o.sessions("storm"), o.warmup());
    }

    @Override
    public ScenarioResult run(Bench bench, Target target) throws Exception {
        int n = bench.options().sessions("storm");
        ScenarioResult result = new ScenarioResult(name(), target.kind());
        String who = target.kind().id() + " storm";
        try (RunningTarget t = bench.start(target); Generator g = bench.generator(t, 2 * n + 1)) {
            Load.open(bench, g, who, "pub", 1, 0, 0, 60, true);
            long warmUntil = System.nanoTime() + (long) (bench.options().warmup() * 1e9);
            for (int round = 1; bench.options().warmup() > 0 && (round == 1 || System.nanoTime() < warmUntil); round++) {
                Load.open(bench, g, who + " warm-up " + round, "sub", n, 0, 0, 180, true);
                g.close("sub");
                Load.sleep(2000);
            }
            Load.awaitQuiet(t, 60);
            double cpu0 = Load.appCpu(t);
            double gen0 = g.cpuSeconds();
            long start = System.nanoTime();
            Load.Opened opened = Load.open(bench, g, who, "sub", n, 0, 0, 180, true);
            double quiet = Load.awaitQuiet(t, 120);
            double settled = (System.nanoTime() - start) / 1e9 - 1; // the last quiet second is not part of the storm
            double cpu = Load.appCpu(t) - cpu0;
            result.add(Metric.higher("sessions ready", opened.ready(), 0))
                    .add(Metric.lower("failed connects", opened.failed(), 0))
                    .add(Metric.lower("wall time until all ready (s)", opened.seconds(), 1))
                    .add(Metric.lower("wall time until settled (s)", Math.max(opened.seconds(), settled), 1))
                    .add(Metric.lower("app CPU until settled (s)", cpu, 1))
                    .add(Metric.lower("generator CPU (s)", g.cpuSeconds() - gen0, 1));
            if (quiet >= 120) {
                result.note("the app's CPU was not quiet within 120 s after the last session was ready");
            }
            if (!opened.firstError().isEmpty()) {
                result.note("first error: " + opened.firstError());
            }
        }
        return result;
    }
}
