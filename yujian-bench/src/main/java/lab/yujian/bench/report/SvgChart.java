package lab.yujian.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * p99 latency against offered deliveries per second, one line per target, drawn as SVG by hand: linear x,
 * logarithmic y (1 ms to the largest p99), the p99 limit as a dashed line, failed steps as hollow points.
 */
public final class SvgChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int W = 760;
    private static final int H = 420;
    private static final int L = 70;
    private static final int R = 180;
    private static final int T = 40;
    private static final int B = 50;

    private SvgChart() {
    }

    /** {@code series}: a target's title to its points, in any order. */
    public static String render(Map<String, List<ScenarioResult.Point>> series, double limitMs, String title) {
        double maxX = 1;
        double maxY = Math.max(10, limitMs * 2);
        for (List<ScenarioResult.Point> points : series.values()) {
            for (ScenarioResult.Point p : points) {
                maxX = Math.max(maxX, p.offered());
                if (!Double.isNaN(p.p99Millis())) {
                    maxY = Math.max(maxY, p.p99Millis());
                }
            }
        }
        maxX = niceCeiling(maxX);
        double logMax = Math.ceil(Math.log10(maxY));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", W, H, W, H));
        svg.append(String.format("<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", L, escape(title)));
        axes(svg, maxX, logMax);
        double limitY = y(limitMs, logMax);
        svg.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"6,4\"/>\n"
                + "<text x=\"%d\" y=\"%.1f\" fill=\"#555\">p99 limit %.0f ms</text>\n", L, limitY, W - R, limitY, W - R + 4, limitY + 4, limitMs));
        int i = 0;
        for (Map.Entry<String, List<ScenarioResult.Point>> e : series.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            List<ScenarioResult.Point> points = new ArrayList<>(e.getValue());
            points.removeIf(p -> Double.isNaN(p.p99Millis()));
            points.sort(Comparator.comparingDouble(ScenarioResult.Point::offered));
            StringBuilder path = new StringBuilder();
            for (ScenarioResult.Point p : points) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format("%.1f %.1f", x(p.offered(), maxX), y(p.p99Millis(), logMax)));
            }
            svg.append(String.format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", path, colour));
            for (ScenarioResult.Point p : points) {
                svg.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" stroke=\"%s\" stroke-width=\"2\" fill=\"%s\"/>\n",
                        x(p.offered(), maxX), y(p.p99Millis(), logMax), colour, p.passed() ? colour : "white"));
            }
            int ly = T + 10 + 20 * i;
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    W - R + 10, ly, colour, W - R + 30, ly + 6, escape(e.getKey())));
            i++;
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#555\">hollow: step failed</text>\n", W - R + 10, T + 20 + 20 * i));
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, double maxX, double logMax) {
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, H - B, W - R, H - B));
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, T, L, H - B));
        for (int k = 0; k <= 5; k++) {
            double v = maxX * k / 5;
            double px = x(v, maxX);
            svg.append(String.format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/><text x=\"%.1f\" y=\"%d\" "
                    + "text-anchor=\"middle\">%,.0f</text>\n", px, T, px, H - B, px, H - B + 16, v));
        }
        for (int e = 0; e <= logMax; e++) {
            double v = Math.pow(10, e);
            double py = y(v, logMax);
            svg.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" "
                    + "text-anchor=\"end\">%s</text>\n", L, py, W - R, py, L - 6, py + 4, v >= 1000 ? String.format("%,.0f", v) : String.format("%.0f", v)));
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered deliveries per second</text>\n", (L + W - R) / 2, H - 12));
        svg.append(String.format("<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">p99 latency (ms, log)</text>\n",
                (T + H - B) / 2, (T + H - B) / 2));
    }

    private static double x(double value, double maxX) {
        return L + (W - L - R) * value / maxX;
    }

    private static double y(double ms, double logMax) {
        double log = Math.log10(Math.max(1, ms));
        return H - B - (H - B - T) * log / logMax;
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
