/** The time axis of the metric charts: its range and its tick labels, in seconds since the epoch. */

/** The axis always spans at least this many seconds, so that a first sample is not drawn over years. */
export const MIN_SPAN_S = 60;

/** Below this span the labels show seconds (HH:MM:SS); from it on, HH:MM. */
export const SECONDS_BELOW_S = 5 * 60;

/**
 * The x range for samples at `xs` (ascending), given uPlot's `lo` and `hi`. When every sample has the
 * same timestamp (one sample, say) uPlot widens the range to 86 400 / ms seconds, 1000 days with
 * timestamps in seconds, before it asks, which labelled the axis with years: then the range is the
 * minute up to the sample. Otherwise uPlot's range, widened to a minute when shorter.
 */
export function timeRange(xs: ArrayLike<number>, lo: number, hi: number): [number, number] {
  const first = xs[0];
  const last = xs[xs.length - 1];
  if (first !== undefined && first === last) return [last - MIN_SPAN_S, last];
  return [Math.min(lo, hi - MIN_SPAN_S), hi];
}

const two = (n: number) => String(n).padStart(2, '0');

/** Tick labels in local 24-hour time for an axis spanning `spanS` seconds. */
export function timeLabels(ticks: readonly number[], spanS: number): string[] {
  const withSeconds = spanS < SECONDS_BELOW_S;
  return ticks.map((tick) => {
    const at = new Date(tick * 1000);
    const minutes = `${two(at.getHours())}:${two(at.getMinutes())}`;
    return withSeconds ? `${minutes}:${two(at.getSeconds())}` : minutes;
  });
}
