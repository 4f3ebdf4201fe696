package lab.yujian.bench.report;

/**
 * One number of a scenario for one target.
 *
 * @param name     the row label, which includes the unit ("p99 (ms)")
 * @param value    NaN when it could not be measured
 * @param decimals digits after the point when printed
 * @param better   which way is better, for the reader; ratios are always target ÷ stock
 */
public record Metric(String name, double value, int decimals, Better better) {

    public enum Better { LOWER, HIGHER, NONE }

    public static Metric lower(String name, double value, int decimals) {
        return new Metric(name, value, decimals, Better.LOWER);
    }

    public static Metric higher(String name, double value, int decimals) {
        return new Metric(name, value, decimals, Better.HIGHER);
    }

    public static Metric info(String name, double value, int decimals) {
        return new Metric(name, value, decimals, Better.NONE);
    }

    /** The value with thousands separators, or "–" when not measured. */
    public String formatted() {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format("%,." + decimals + "f", value);
    }
}
