package lab.yujian.bench.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * docs/benchmarks.md as the bench writes it: the command, the machine, how it measures, one table per
 * scenario with its notes, and the goals checked against them ({@link Goals}). Every number in it comes from
 * the run that wrote it.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param scenarios   scenario name to its description and its results, in run order
     * @param loadNote    how busy the machine was (load averages at start and end, and the operator's note)
     * @param chartFile   the chart's path relative to the document
     */
    public static String render(String command, Machine machine, String loadNote, String method,
                                Map<String, Map.Entry<String, List<ScenarioResult>>> scenarios, String chartFile,
                                ZonedDateTime started, double seconds) {
        return render(command, machine, loadNote, method, scenarios, chartFile, started, seconds, List.of());
    }

    /** As above, with a line at the top linking {@code otherReports} (paths relative to the document). */
    public static String render(String command, Machine machine, String loadNote, String method,
                                Map<String, Map.Entry<String, List<ScenarioResult>>> scenarios, String chartFile,
                                ZonedDateTime started, double seconds, List<String> otherReports) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        if (!otherReports.isEmpty()) {
            md.append("Other runs of the same tool: ").append(otherReports.stream().map(f -> "[" + f + "](" + f + ")")
                    .collect(java.util.stream.Collectors.joining(", "))).append(".\n\n");
        }
        md
                .append("Written by the load command (`yujian-bench`, run by `./bench.sh`) from one run; every number below\n")
                .append("comes from that run. Do not edit the numbers by hand: run it again.\n\n")
                .append("## The command\n```sh\n").append(command).append("\n```\n")
                .append(String.format("Started %s, took %.0f min.%n%n", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), seconds / 60))
                .append("## The machine\n").append(machine.describe()).append(".\n\n").append(loadNote).append("\n\n")
                .append("## How it measures\n").append(method).append("\n\n## Results\n")
                .append("Columns are the targets; `÷ stock` is the target's value divided by the stock simple broker's.\n\n");
        scenarios.forEach((name, entry) -> {
            md.append("### ").append(name).append("\n").append(entry.getKey()).append(".\n\n");
            md.append(new Table(entry.getValue()).markdown()).append('\n');
            for (ScenarioResult r : entry.getValue()) {
                if (r.error() != null) {
                    md.append("- **").append(r.target().title()).append(": did not run**: ").append(r.error()).append('\n');
                }
                for (String note : r.notes()) {
                    md.append("- ").append(r.target().title()).append(": ").append(note).append('\n');
                }
            }
            md.append('\n');
        });
        Map<String, List<ScenarioResult>> results = new java.util.LinkedHashMap<>();
        scenarios.forEach((name, entry) -> results.put(name, entry.getValue()));
        md.append(Goals.markdown(results, machine.cores()));
        md.append("## p99 against offered load\n")
                .append("Every measured fan-out and saturation step, per target (hollow points failed the limit).\n\n")
                .append("![p99 latency against offered deliveries per second](").append(chartFile).append(")\n");
        return md.toString();
    }
}
