package lab.yujian.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.yujian.bench.targets.TargetKind;

/**
 * One scenario's results side by side: a row per metric, a column per target, and beside each target
 * other than the stock simple broker its ratio to it (target ÷ stock).
 */
public final class Table {

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<ScenarioResult> unordered) {
        List<ScenarioResult> results = unordered.stream()
                .sorted(java.util.Comparator.comparing(ScenarioResult::target)).toList();
        header.add("");
        ScenarioResult stock = results.stream().filter(r -> r.target() == TargetKind.STOCK).findFirst().orElse(null);
        for (ScenarioResult r : results) {
            header.add(r.target().title());
            if (stock != null && r != stock) {
                header.add("÷ stock");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> r.metrics().forEach(m -> names.add(m.name())));
        for (String name : names) {
            List<String> row = new ArrayList<>();
            row.add(name);
            for (ScenarioResult r : results) {
                Metric m = r.metrics().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                row.add(m == null ? "–" : m.formatted());
                if (stock != null && r != stock) {
                    row.add(m == null ? "" : ratio(m.value(), stock.value(name)));
                }
            }
            rows.add(row);
        }
    }

    static String ratio(double value, double stock) {
        if (Double.isNaN(value) || Double.isNaN(stock) || stock == 0) {
            return "";
        }
        return String.format("×%.2f", value / stock);
    }

    /** Aligned columns for the console. */
    public String text() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A Markdown table. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }
}
