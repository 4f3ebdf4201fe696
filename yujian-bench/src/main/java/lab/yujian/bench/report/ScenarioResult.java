package lab.yujian.bench.report;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.bench.targets.TargetKind;

/**
 * What one scenario measured on one target: its metrics in display order, points of p99 against offered
 * load for the chart, and notes (what happened that a number does not say). {@code error} is set when
 * the scenario could not run on this target.
 */
public final class ScenarioResult {

    /** One measured load step: offered deliveries per second and the p99 seen, in ms. */
    public record Point(double offered, double p99Millis, boolean passed) { }

    private final String scenario;
    private final TargetKind target;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Point> curve = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String error;

    public ScenarioResult(String scenario, TargetKind target) {
        this.scenario = scenario;
        this.target = target;
    }

    public ScenarioResult add(Metric metric) {
        metrics.add(metric);
        return this;
    }

    public void point(double offered, double p99Millis, boolean passed) {
        curve.add(new Point(offered, p99Millis, passed));
    }

    public void note(String note) {
        notes.add(note);
    }

    public void error(String error) {
        this.error = error;
    }

    public String scenario() { return scenario; }
    public TargetKind target() { return target; }
    public List<Metric> metrics() { return metrics; }
    public List<Point> curve() { return curve; }
    public List<String> notes() { return notes; }
    public String error() { return error; }

    /** The value of the metric called {@code name}, or NaN. */
    public double value(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).findFirst().orElse(Double.NaN);
    }
}
