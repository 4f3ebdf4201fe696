import type { MetricsPayload } from '@yujian/realtime';
import { latestSample, useMetricsStore } from '../../store/metricsStore';
import { percent, rate } from '../format';
import { RealTimeBadge } from '../shared/RealTimeBadge';
import { MetricChart, type LineSpec } from './MetricChart';
import { ServicesTable } from './ServicesTable';

const CHARTS: readonly { title: string; lines: readonly LineSpec[]; format: (v: number) => string; max?: number }[] = [
  { title: 'CPU', lines: [{ label: 'CPU', color: '#2563eb', value: (s) => s.metrics.cpu }], format: percent, max: 100 },
  { title: 'Memory', lines: [{ label: 'Memory', color: '#7c3aed', value: (s) => s.metrics.memory }], format: percent, max: 100 },
  { title: 'Disk', lines: [{ label: 'Disk', color: '#b45309', value: (s) => s.metrics.disk }], format: percent, max: 100 },
  {
    title: 'Network',
    lines: [
      { label: 'In', color: '#059669', value: (s) => s.metrics.network.in },
      { label: 'Out', color: '#dc2626', value: (s) => s.metrics.network.out },
    ],
    format: rate,
  },
];

function current(sample: MetricsPayload | undefined, title: string): string {
  if (!sample) return '–';
  const m = sample.metrics;
  switch (title) {
    case 'CPU': return percent(m.cpu);
    case 'Memory': return percent(m.memory);
    case 'Disk': return percent(m.disk);
    default: return `↓ ${rate(m.network.in)} · ↑ ${rate(m.network.out)}`;
  }
}

/** The newest value as text; selecting a string means a re-render only when the text changes. */
function CurrentValue(props: { title: string }) {
  const text = useMetricsStore((s) => current(latestSample(s), props.title));
  return <strong data-testid={`metric-${props.title.toLowerCase()}`}>{text}</strong>;
}

/** The lab server's CPU, memory, disk and network over time, plus the lab services' health. */
export function MetricsPanel() {
  const loaded = useMetricsStore((s) => s.loaded);
  return (
    <section className="panel" aria-labelledby="metrics-title" data-testid="metrics-panel">
      <h2 id="metrics-title">Lab server <RealTimeBadge /></h2>
      {!loaded && <p className="empty" data-testid="metrics-loading">Waiting for the first metrics…</p>}
      <div className="chart-grid">
        {CHARTS.map((chart) => (
          <figure key={chart.title} className="chart-card">
            <figcaption>
              <span>{chart.title}</span>
              <CurrentValue title={chart.title} />
            </figcaption>
            <MetricChart lines={chart.lines} format={chart.format} max={chart.max} label={`${chart.title} over time`} />
          </figure>
        ))}
      </div>
      <h3>Services</h3>
      <ServicesTable />
    </section>
  );
}
