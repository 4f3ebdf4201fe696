package lab.yujian.bench.scenario;

import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.targets.Target;

/**
 * One measurement, run on each target in turn, each time on a fresh target process and fresh generator
 * processes. A scenario ends by itself: every wait in it is bounded.
 */
public interface Scenario {

    /** The name {@code --scenarios} takes. */
    String name();

    /** A line for the report: what is measured and how. */
    String description(Bench bench);

    /** Runs on {@code target}; failures go into the result's error, not out as exceptions. */
    ScenarioResult run(Bench bench, Target target) throws Exception;

    static Scenario of(String name) {
        return switch (name) {
            case "idle" -> new IdleScenario();
            case "fanout" -> new FanoutScenario();
            case "saturation" -> new SaturationScenario();
            case "storm" -> new StormScenario();
            case "slow" -> new SlowScenario();
            default -> throw new IllegalArgumentException("--scenarios: unknown scenario '" + name
                    + "'; known: idle, fanout, saturation, storm, slow");
        };
    }
}
