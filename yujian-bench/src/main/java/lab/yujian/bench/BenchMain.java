package lab.yujian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.bench.report.Machine;
import lab.yujian.bench.report.MarkdownReport;
import lab.yujian.bench.report.ScenarioResult;
import lab.yujian.bench.report.SvgChart;
import lab.yujian.bench.report.Table;
import lab.yujian.bench.run.GeneratorSettings;
import lab.yujian.bench.scenario.Bench;
import lab.yujian.bench.scenario.Scenario;
import lab.yujian.bench.targets.Target;
import lab.yujian.bench.targets.TargetKind;
import lab.yujian.bench.targets.TargetSettings;

/**
 * The bench: runs every selected scenario on every selected target, each on a fresh target process,
 * prints a table per scenario, and writes the Markdown report and the p99 chart. {@link #run} is also what
 * the CI-sized integration test calls.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(options, System.getProperty("java.class.path"));
        System.exit(0);
    }

    /** Runs {@code options}; the stock app and the agents are started with {@code classpath}. Returns results by scenario. */
    public static Map<String, List<ScenarioResult>> run(BenchOptions options, String classpath) throws IOException {
        ZonedDateTime started = ZonedDateTime.now();
        double loadBefore = Machine.loadAverage();
        Path runDir = options.outDir().resolve("run-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        List<String> serverArgs = List.of("--server.tomcat.max-connections=20000", "--server.tomcat.accept-count=1000");
        TargetSettings targetSettings = new TargetSettings(options.appJvm(), options.port(), classpath,
                options.referenceJar().toAbsolutePath(), runDir, serverArgs);
        Bench bench = new Bench(options, targetSettings, new GeneratorSettings(options.generatorJvm(), classpath,
                options.ioThreads()), runDir);
        bench.log("bench", "logs in " + runDir + "; targets " + options.targets() + "; scenarios " + options.scenarios());
        Map<String, Map.Entry<String, List<ScenarioResult>>> all = new LinkedHashMap<>();
        Map<String, List<ScenarioResult>> results = new LinkedHashMap<>();
        for (String name : options.scenarios()) {
            Scenario scenario = Scenario.of(name);
            List<ScenarioResult> row = new ArrayList<>();
            for (TargetKind kind : options.targets()) {
                row.add(runOne(bench, scenario, Target.of(kind)));
            }
            System.out.println("\n== " + name + ": " + scenario.description(bench) + "\n" + new Table(row).text());
            row.stream().filter(r -> r.error() != null).forEach(r -> System.out.println(r.target().id() + " did not run: " + r.error()));
            all.put(name, Map.entry(scenario.description(bench), row));
            results.put(name, row);
        }
        write(options, runDir, all, started, loadBefore);
        return results;
    }

    private static ScenarioResult runOne(Bench bench, Scenario scenario, Target target) {
        String refusal = target.preflight(bench.options().sessions(scenario.name()) + bench.options().slowSessions() + 2);
        if (refusal != null) {
            ScenarioResult skipped = new ScenarioResult(scenario.name(), target.kind());
            skipped.error(refusal);
            bench.log(target.kind().id(), scenario.name() + " skipped: " + refusal);
            return skipped;
        }
        try {
            return scenario.run(bench, target);
        } catch (Exception | Error e) {
            ScenarioResult failed = new ScenarioResult(scenario.name(), target.kind());
            failed.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            bench.log(target.kind().id(), scenario.name() + " failed: " + e);
            return failed;
        }
    }

    private static void write(BenchOptions options, Path runDir, Map<String, Map.Entry<String, List<ScenarioResult>>> all,
                              ZonedDateTime started, double loadBefore) throws IOException {
        Map<String, List<ScenarioResult.Point>> curves = new LinkedHashMap<>();
        all.values().forEach(e -> e.getValue().forEach(r ->
                curves.computeIfAbsent(r.target().title(), k -> new ArrayList<>()).addAll(r.curve())));
        String svg = SvgChart.render(curves, options.p99LimitMs(), "p99 latency against offered load");
        Path svgPath = options.svg() != null ? options.svg() : runDir.resolve("benchmarks-p99.svg");
        Path docPath = options.doc() != null ? options.doc() : runDir.resolve("benchmarks.md");
        String chart = docPath.toAbsolutePath().getParent().relativize(svgPath.toAbsolutePath()).toString();
        String load = String.format("Load average (1 min) %.2f at the start and %.2f at the end of the run.%s", loadBefore,
                Machine.loadAverage(), options.machineNote().isBlank() ? "" : " " + options.machineNote());
        double seconds = java.time.Duration.between(started, ZonedDateTime.now()).toSeconds();
        String md = MarkdownReport.render(options.command(), Machine.here(), load, Method.text(options), all, chart, started, seconds,
                otherReports(docPath));
        Files.createDirectories(svgPath.toAbsolutePath().getParent());
        Files.writeString(svgPath, svg);
        Files.createDirectories(docPath.toAbsolutePath().getParent());
        Files.writeString(docPath, md);
        System.out.println("\n[bench] wrote " + docPath + " and " + svgPath);
    }

    /** The other reports of this tool beside {@code doc} ({@code benchmarks*.md}), by name, for a link at its top. */
    static List<String> otherReports(Path doc) throws IOException {
        Path dir = doc.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String self = doc.getFileName().toString();
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("benchmarks") && n.endsWith(".md") && !n.equals(self)).sorted().toList();
        }
    }
}
