import type { MetricsPayload } from '@yujian/realtime';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useMetricsStore } from '../../store/metricsStore';
import { timeLabels, timeRange } from './timeAxis';

/** One line of a chart: its name, colour and how to read it from a sample. */
export interface LineSpec {
  readonly label: string;
  readonly color: string;
  readonly value: (sample: MetricsPayload) => number;
}

const HEIGHT = 140;

function toData(samples: readonly MetricsPayload[], lines: readonly LineSpec[]): uPlot.AlignedData {
  const xs = samples.map((s) => Date.parse(s.timestamp) / 1000);
  return [xs, ...lines.map((line) => samples.map(line.value))];
}

/**
 * A live time-series chart of the metrics store. High-rate data: it reads the store through
 * `subscribe` and pushes new samples straight into uPlot, so React never re-renders per sample.
 * `lines` and `format` must be stable (module constants).
 */
export function MetricChart(props: { lines: readonly LineSpec[]; format: (v: number) => string; max?: number; label: string }) {
  const { lines, format, max, label } = props;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const options: uPlot.Options = {
      width: el.clientWidth || 300,
      height: HEIGHT,
      legend: { show: lines.length > 1 },
      scales: {
        x: { time: true, range: (u, lo, hi) => timeRange(u.data[0], lo, hi) },
        y: max === undefined ? { range: (_u, _min, hi) => [0, Math.max(hi, 1)] } : { range: [0, max] },
      },
      axes: [
        // Room for HH:MM:SS between ticks; the labels show seconds only on a short span.
        { space: 70, values: (u, ticks) => timeLabels(ticks, (u.scales['x']?.max ?? 0) - (u.scales['x']?.min ?? 0)) },
        { values: (_u, ticks) => ticks.map(format), size: 76 },
      ],
      series: [{}, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 2, value: (_u: uPlot, v: number | null) => (v == null ? '–' : format(v)) }))],
    };
    const plot = new uPlot(options, toData(useMetricsStore.getState().samples, lines), el);
    const unsubscribe = useMetricsStore.subscribe((state, previous) => {
      if (state.samples !== previous.samples) plot.setData(toData(state.samples, lines));
    });
    const resize = typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize?.observe(el);
    return () => {
      unsubscribe();
      resize?.disconnect();
      plot.destroy();
    };
  }, [lines, format, max]);

  return <div ref={box} className="chart" role="img" aria-label={label} />;
}
