package lab.yujian.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.bench.targets.TargetKind;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private static ScenarioResult result(String scenario, TargetKind target, Metric... metrics) {
        ScenarioResult r = new ScenarioResult(scenario, target);
        for (Metric m : metrics) {
            r.add(m);
        }
        return r;
    }

    @Test
    void aMissedSaturationGoalNamesTheCeilingOfTheGeneratorAndTheKernel() {
        Map<String, List<ScenarioResult>> results = new LinkedHashMap<>();
        results.put("saturation", List.of(
                result("saturation", TargetKind.STOCK, Metric.higher("highest delivered/s within limits", 60_000, 0)),
                result("saturation", TargetKind.YUJIAN, Metric.higher("highest delivered/s within limits", 75_000, 0),
                        Metric.lower("of which system CPU ms (the kernel)", 7.0, 1),
                        Metric.lower("its generator CPU ms per 1,000 deliveries", 10.0, 1))));

        String md = Goals.markdown(results, 2);

        assertThat(md).contains("| saturation delivered/s at p99 ≤ 50 ms ≥ 2× stock | 60,000 | 75,000 | ×1.25 | no |")
                .contains("2× stock is 120,000 deliveries/s")
                .contains("2 cores carry at most 117,647 deliveries/s"); // 2 s of CPU a second ÷ 17 µs
    }

    @Test
    void aMissedCpuGoalSaysWhatTheKernelLeavesForUserSpace() {
        Map<String, List<ScenarioResult>> results = Map.of("fanout", List.of(
                result("fanout", TargetKind.STOCK, Metric.lower("1,000 × 10/s: app CPU ms per 1,000 deliveries", 18.0, 1),
                        Metric.lower("1,000 × 10/s: of which system CPU ms (the kernel)", 8.0, 1)),
                result("fanout", TargetKind.YUJIAN, Metric.lower("1,000 × 10/s: app CPU ms per 1,000 deliveries", 16.0, 1),
                        Metric.lower("1,000 × 10/s: of which system CPU ms (the kernel)", 7.0, 1))));

        String md = Goals.markdown(results, 2);

        assertThat(md).contains("| app CPU per delivery ≤ 0.5× stock, 1,000 × 10/s | 18.0 | 16.0 | ×0.89 | no |")
                .contains("half of stock's is 9.0 ms per 1,000 deliveries; Yu Jian's kernel time alone was 7.0 ms "
                        + "(stock's 8.0")
                .contains("leaves 2.0 ms for everything in user space")
                .contains("against 9.0 ms spent there (stock's user space: 10.0 ms, ×0.90)");
    }

    @Test
    void goalsMetSayYesAndNeedNoFloor() {
        Map<String, List<ScenarioResult>> results = new LinkedHashMap<>();
        results.put("idle", List.of(
                result("idle", TargetKind.STOCK, Metric.lower("heap per idle session (KiB)", 90, 1),
                        Metric.higher("10,000 idle: ready and open after 30 s more", 0, 0)),
                result("idle", TargetKind.YUJIAN, Metric.lower("heap per idle session (KiB)", 38.2, 1),
                        Metric.higher("10,000 idle: ready and open after 30 s more", 10_000, 0))));
        results.put("storm", List.of(
                result("storm", TargetKind.STOCK, Metric.lower("wall time until all ready (s)", 2.0, 1),
                        Metric.lower("wall time until settled (s)", 2.5, 1)),
                result("storm", TargetKind.YUJIAN, Metric.lower("wall time until all ready (s)", 1.5, 1),
                        Metric.lower("wall time until settled (s)", 2.5, 1))));

        String md = Goals.markdown(results, 2);

        assertThat(md).contains("| heap per idle session ≤ 50 KiB | 90.0 KiB | 38.2 KiB | 38.2 KiB | yes |")
                .contains("| 10,000 idle sessions held by one node with -Xmx1g | 0 | 10,000 | 10,000 | yes |")
                .contains("| storm: wall time until all ready ≤ stock's | 2.0 | 1.5 | ×0.75 | yes |")
                .contains("| storm: wall time until settled ≤ stock's | 2.5 | 2.5 | ×1.00 | yes |")
                .doesNotContain("What bounds");
    }

    @Test
    void memoryIsFlatWhenItGrewLittleWhileAStalledSessionWasOpen() {
        Map<String, List<ScenarioResult>> results = Map.of("slow", List.of(
                result("slow", TargetKind.STOCK, Metric.info("RSS at the stall (MiB)", 400, 0),
                        Metric.lower("RSS max while a stalled session was open (MiB)", 900, 0),
                        Metric.lower("last stalled close after (s)", 77.5, 1), Metric.lower("ping p99 (ms)", 39_000, 1)),
                result("slow", TargetKind.YUJIAN, Metric.info("RSS at the stall (MiB)", 440, 0),
                        Metric.lower("RSS max while a stalled session was open (MiB)", 446, 0),
                        Metric.lower("last stalled close after (s)", 11.9, 1), Metric.lower("ping p99 (ms)", 13.9, 1))));

        String md = Goals.markdown(results, 2);

        assertThat(md).contains("| stalled readers: memory flat (RSS growth while one was open, at most 5 % of RSS at the "
                        + "stall) | +500 MiB | +6 MiB | +6 MiB | yes |")
                .contains("| stalled readers: a healthy client's ping p99 < 50 ms | 39,000.0 ms | 13.9 ms | 13.9 ms | yes |")
                .contains("| 11.9 s | no |")
                .contains("the last was closed 11.9 s after it stopped reading");
    }

    @Test
    void withoutBothTargetsThereIsNoSection() {
        Map<String, List<ScenarioResult>> results = Map.of("storm", List.of(
                result("storm", TargetKind.YUJIAN, Metric.lower("wall time until settled (s)", 2.5, 1))));

        assertThat(Goals.markdown(results, 2)).isEmpty();
    }
}
