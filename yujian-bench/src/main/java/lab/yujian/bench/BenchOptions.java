package lab.yujian.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lab.yujian.bench.targets.TargetKind;

/**
 * What a bench run does. Every value is bounded so that a run ends by itself; messages name the option.
 * {@code --quick} is the CI-sized run: 100 sessions, 3 s warm-up, 5 s windows, no 10,000-session attempt.
 */
public record BenchOptions(List<TargetKind> targets, List<String> scenarios, int sessions, List<Integer> rates,
                           int warmup, int duration, int stepDuration, int stepWarmup, double p99LimitMs, int maxRate,
                           int idleLarge, int slowSessions, int slowRate, int slowCap, int slowPad, int port, List<String> appJvm,
                           List<String> generatorJvm, int ioThreads, Path outDir, Path doc, Path svg, Path referenceJar,
                           boolean quick, String machineNote, String command) {

    public static final List<String> ALL_SCENARIOS = List.of("idle", "fanout", "saturation", "storm", "slow");

    public BenchOptions {
        between(sessions, 0, 20_000, "--sessions");
        rates.forEach(r -> between(r, 1, 5_000, "--rates"));
        between(warmup, 0, 120, "--warmup");
        between(duration, 1, 300, "--duration");
        between(stepDuration, 1, 120, "--step-duration");
        between(stepWarmup, 0, 60, "--step-warmup");
        between(maxRate, 1, 10_000, "--max-rate");
        between(idleLarge, 0, 20_000, "--idle-large");
        between(slowSessions, 1, 100, "--slow");
        between(slowRate, 1, 1_000, "--slow-rate");
        between(slowCap, 5, 300, "--slow-cap");
        between(slowPad, 0, 30_000, "--slow-pad");
        between(port, 1024, 65_000, "--port");
        between(ioThreads, 1, 4, "--io-threads");
        if (p99LimitMs <= 0 || p99LimitMs > 10_000) {
            throw new IllegalArgumentException("--p99-limit must be between 0 and 10000 ms, was " + p99LimitMs);
        }
        if (targets.isEmpty() || scenarios.isEmpty() || rates.isEmpty()) {
            throw new IllegalArgumentException("--targets, --scenarios and --rates need at least one value each");
        }
    }

    /** Sessions of a scenario: {@code --sessions} if given, else 2,000 for idle and storm and 1,000 for the rest (100 quick). */
    public int sessions(String scenario) {
        if (sessions > 0) {
            return sessions;
        }
        if (quick) {
            return 100;
        }
        return scenario.equals("idle") || scenario.equals("storm") ? 2_000 : 1_000;
    }

    public String ratesText() {
        return rates.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public static BenchOptions parse(String[] args) {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        String targets = "stock,relay,yujian";
        String scenarios = String.join(",", ALL_SCENARIOS);
        String rates = "10,30,50";
        int sessions = 0;
        int warmup = quick ? 3 : 20;
        int duration = quick ? 5 : 30;
        int step = quick ? 3 : 10;
        int stepWarmup = quick ? 1 : 3;
        double p99 = 50;
        int maxRate = quick ? 200 : 2_000;
        int idleLarge = quick ? 0 : 10_000;
        int slow = 10;
        int slowRate = 10;
        int slowCap = quick ? 10 : 90;
        int slowPad = 8_000;
        int port = 3900;
        String appJvm = "-Xmx1g";
        String genJvm = "-Xmx1g -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled"; // leak tracking cost it 2 % of its CPU
        int io = 1;
        String out = "target/bench";
        String doc = null;
        String svg = null;
        String jar = "reference-app/target/yujian-reference-app.jar";
        String note = "";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--quick")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--targets" -> targets = v;
                case "--scenarios" -> scenarios = v;
                case "--sessions" -> sessions = Integer.parseInt(v);
                case "--rates" -> rates = v;
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--duration" -> duration = Integer.parseInt(v);
                case "--step-duration" -> step = Integer.parseInt(v);
                case "--step-warmup" -> stepWarmup = Integer.parseInt(v);
                case "--p99-limit" -> p99 = Double.parseDouble(v);
                case "--max-rate" -> maxRate = Integer.parseInt(v);
                case "--idle-large" -> idleLarge = Integer.parseInt(v);
                case "--slow" -> slow = Integer.parseInt(v);
                case "--slow-rate" -> slowRate = Integer.parseInt(v);
                case "--slow-cap" -> slowCap = Integer.parseInt(v);
                case "--slow-pad" -> slowPad = Integer.parseInt(v);
                case "--port" -> port = Integer.parseInt(v);
                case "--app-jvm" -> appJvm = v;
                case "--generator-jvm" -> genJvm = v;
                case "--io-threads" -> io = Integer.parseInt(v);
                case "--out" -> out = v;
                case "--doc" -> doc = v;
                case "--svg" -> svg = v;
                case "--reference-jar" -> jar = v;
                case "--machine-note" -> note = v;
                default -> throw new IllegalArgumentException("unknown option " + name + "; see bench.sh --help");
            }
        }
        List<String> scenarioList = list(scenarios);
        scenarioList.forEach(s -> {
            if (!ALL_SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("--scenarios: unknown scenario '" + s + "'; known: " + ALL_SCENARIOS);
            }
        });
        return new BenchOptions(list(targets).stream().map(TargetKind::of).toList(), scenarioList, sessions,
                list(rates).stream().map(Integer::parseInt).toList(), warmup, duration, step, stepWarmup, p99, maxRate,
                idleLarge, slow, slowRate, slowCap, slowPad, port, list(appJvm, " "), list(genJvm, " "), io, Path.of(out),
                doc == null ? null : Path.of(doc), svg == null ? null : Path.of(svg), Path.of(jar), quick, note,
                "./bench.sh " + java.util.Arrays.stream(args).map(BenchOptions::quote).collect(Collectors.joining(" ")));
    }

    /** An argument as a shell would need it: single-quoted when it holds anything but plain characters. */
    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./,:=+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static List<String> list(String text) {
        return list(text, ",");
    }

    private static List<String> list(String text, String separator) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(separator)) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static void between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
