package lab.yujian.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.bench.targets.TargetKind;

/**
 * The goals the delivery path was set (Yu Jian embedded against the stock simple broker, in one run),
 * checked against the run's own numbers; and, for the CPU and saturation goals, the floor this machine puts
 * under any app, from the same numbers: the kernel's share of the app's CPU (one socket write per delivery,
 * which on loopback also carries the receiving side's TCP work) and the generator's CPU on the same cores.
 */
public final class Goals {

    /** The send time limit of both apps: Spring's default, and Yu Jian's {@code yujian.send-time-limit}. */
    static final double SEND_TIME_LIMIT_SECONDS = 10;
    private static final String CPU = "app CPU ms per 1,000 deliveries";
    private static final String SYSTEM = "of which system CPU ms (the kernel)";

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> floors = new ArrayList<>();

    private Goals() {
    }

    /** The section, or an empty string when the run has no side-by-side results of both targets. */
    public static String markdown(Map<String, List<ScenarioResult>> results, int cores) {
        Goals goals = new Goals();
        goals.saturation(pair(results, "saturation"), cores);
        goals.cpu(pair(results, "fanout"));
        goals.idle(pair(results, "idle"));
        goals.storm(pair(results, "storm"));
        goals.slow(pair(results, "slow"));
        if (goals.rows.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Goals\n")
                .append("The delivery path's goals against the stock simple broker, from this run's numbers above.\n\n")
                .append("| goal | Spring simple broker | Yu Jian embedded | measured | met |\n|---|---:|---:|---:|---|\n");
        goals.rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        if (!goals.floors.isEmpty()) {
            md.append("\nWhat bounds the goals missed, on this machine:\n");
            goals.floors.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.append('\n').toString();
    }

    private void saturation(ScenarioResult[] pair, int cores) {
        if (pair == null) {
            return;
        }
        double stock = pair[0].value("highest delivered/s within limits");
        double ours = pair[1].value("highest delivered/s within limits");
        ratio("saturation delivered/s at p99 ≤ 50 ms ≥ 2× stock", stock, ours, 0, ours / stock >= 2);
        double kernel = pair[1].value(SYSTEM);
        double generator = pair[1].value("its generator CPU ms per 1,000 deliveries");
        if (ours / stock < 2 && !Double.isNaN(kernel + generator)) {
            double ceiling = cores * 1_000_000 / (kernel + generator); // ms per 1,000 = µs per delivery
            floors.add(String.format("Saturation: 2× stock is %,.0f deliveries/s. At Yu Jian's saturation point the load "
                    + "generator, on the same %d cores, spent %.1f µs per delivery and the app's kernel %.1f µs (its socket "
                    + "writes): %d cores carry at most %,.0f deliveries/s at 100 %% CPU even if the app spent nothing in user "
                    + "space, and p99 ≤ 50 ms needs headroom below that.", 2 * stock, cores, generator, kernel, cores, ceiling));
        }
    }

    private void cpu(ScenarioResult[] pair) {
        if (pair == null) {
            return;
        }
        for (Metric metric : pair[1].metrics()) {
            if (!metric.name().endsWith(": " + CPU)) {
                continue;
            }
            String at = metric.name().substring(0, metric.name().length() - CPU.length() - 2);
            double stock = pair[0].value(metric.name());
            double ours = metric.value();
            boolean met = ours / stock <= 0.5;
            ratio("app CPU per delivery ≤ 0.5× stock, " + at, stock, ours, 1, met);
            double kernel = pair[1].value(at + ": " + SYSTEM);
            double stockKernel = pair[0].value(at + ": " + SYSTEM);
            if (!met && !Double.isNaN(kernel)) {
                floors.add(String.format("CPU at %s: half of stock's is %.1f ms per 1,000 deliveries; Yu Jian's kernel time "
                        + "alone was %.1f ms (stock's %.1f: both make one socket write per delivery), which leaves %.1f ms for "
                        + "everything in user space (the container's send path, the JIT, the GC) against %.1f ms spent there "
                        + "(stock's user space: %.1f ms, ×%.2f).", at, stock / 2, kernel, stockKernel, stock / 2 - kernel,
                        ours - kernel, stock - stockKernel, (ours - kernel) / (stock - stockKernel)));
            }
        }
    }

    private void idle(ScenarioResult[] pair) {
        if (pair == null) {
            return;
        }
        double stock = pair[0].value("heap per idle session (KiB)");
        double ours = pair[1].value("heap per idle session (KiB)");
        rows.add(new String[] {"heap per idle session ≤ 50 KiB", kib(stock), kib(ours), kib(ours), yes(ours <= 50)});
        for (Metric metric : pair[1].metrics()) {
            if (metric.name().contains(" idle: ready and open after ")) {
                double target = Double.parseDouble(metric.name().substring(0, metric.name().indexOf(' ')).replace(",", ""));
                double stockOpen = pair[0].value(metric.name());
                rows.add(new String[] {String.format("%,.0f idle sessions held by one node with -Xmx1g", target),
                        count(stockOpen), count(metric.value()), count(metric.value()), yes(metric.value() >= target)});
            }
        }
    }

    private void storm(ScenarioResult[] pair) {
        if (pair == null) {
            return;
        }
        for (String name : List.of("wall time until all ready (s)", "wall time until settled (s)")) {
            double stock = pair[0].value(name);
            double ours = pair[1].value(name);
            ratio("storm: " + name.replace(" (s)", "") + " ≤ stock's", stock, ours, 1, ours <= stock);
        }
    }

    private void slow(ScenarioResult[] pair) {
        if (pair == null) {
            return;
        }
        double ping = pair[1].value("ping p99 (ms)");
        rows.add(new String[] {"stalled readers: a healthy client's ping p99 < 50 ms",
                ms(pair[0].value("ping p99 (ms)")), ms(ping), ms(ping), yes(ping < 50)});
        double stall = pair[1].value("RSS at the stall (MiB)");
        double growth = pair[1].value("RSS max while a stalled session was open (MiB)") - stall;
        double stockGrowth = pair[0].value("RSS max while a stalled session was open (MiB)")
                - pair[0].value("RSS at the stall (MiB)");
        rows.add(new String[] {"stalled readers: memory flat (RSS growth while one was open, at most 5 % of RSS at the stall)",
                mib(stockGrowth), mib(growth), mib(growth), yes(growth <= 0.05 * stall)});
        double last = pair[1].value("last stalled close after (s)");
        boolean within = last <= SEND_TIME_LIMIT_SECONDS;
        rows.add(new String[] {String.format("stalled readers closed within the send time limit (%.0f s), counted from "
                + "when they stopped reading", SEND_TIME_LIMIT_SECONDS), seconds(pair[0].value("last stalled close after (s)")),
                seconds(last), seconds(last), yes(within)});
        if (!within && !Double.isNaN(last)) {
            floors.add(String.format("Stalled readers: the last was closed %.1f s after it stopped reading. The limit counts "
                    + "from the first write the kernel would not take: until then the kernel's buffers (the app's socket send "
                    + "buffer and the client's receive window) took the stream, which the app cannot see; the app's log "
                    + "gives the bytes that waited in its own queue at the close.", last));
        }
    }

    private void ratio(String goal, double stock, double ours, int decimals, boolean met) {
        String format = "%,." + decimals + "f";
        rows.add(new String[] {goal, String.format(format, stock), String.format(format, ours),
                String.format("×%.2f", ours / stock), yes(met)});
    }

    /** Stock's and Yu Jian's result of a scenario, or null unless both ran. */
    private static ScenarioResult[] pair(Map<String, List<ScenarioResult>> results, String scenario) {
        List<ScenarioResult> row = results.get(scenario);
        if (row == null) {
            return null;
        }
        ScenarioResult stock = null;
        ScenarioResult ours = null;
        for (ScenarioResult r : row) {
            if (r.error() == null && r.target() == TargetKind.STOCK) {
                stock = r;
            } else if (r.error() == null && r.target() == TargetKind.YUJIAN) {
                ours = r;
            }
        }
        return stock == null || ours == null ? null : new ScenarioResult[] {stock, ours};
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }

    private static String kib(double v) {
        return String.format("%.1f KiB", v);
    }

    private static String mib(double v) {
        return Double.isNaN(v) ? "–" : String.format("%+,.0f MiB", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format("%,.1f ms", v);
    }

    private static String seconds(double v) {
        return Double.isNaN(v) ? "none closed" : String.format("%.1f s", v);
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "–" : String.format("%,.0f", v);
    }
}
