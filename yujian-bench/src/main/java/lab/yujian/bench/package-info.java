/**
 * The side-by-side benchmark: {@link lab.yujian.bench.BenchMain} runs each scenario on each target, on a
 * fresh app process each time, and writes the report. Run it with {@code ./bench.sh}.
 */
package lab.yujian.bench;
