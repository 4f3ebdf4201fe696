import { act, render, screen } from '@testing-library/react';
import type { MetricsPayload } from '@yujian/realtime';
import type uPlot from 'uplot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useMetricsStore } from '../../store/metricsStore';
import { plots } from '../../testing/fakeUplot';
import { MetricsPanel } from './MetricsPanel';

// uPlot draws on a canvas, which jsdom lacks; the stand-in records what the charts are given.
vi.mock('uplot', () => import('../../testing/fakeUplot'));

const sample = (second: number, cpu: number): MetricsPayload => ({
  timestamp: new Date(Date.UTC(2026, 0, 1, 9) + second * 1000).toISOString(),
  metrics: { cpu, memory: 61, disk: 70, network: { in: 2500, out: 1200 } },
  services: [{ name: 'nas', status: 'warning', latency: 48.4 }],
});

beforeEach(() => {
  plots.length = 0;
  useMetricsStore.getState().clear();
});

describe('MetricsPanel', () => {
  it('says it is waiting before the first metrics arrive', () => {
    render(<MetricsPanel />);
    expect(screen.getByTestId('metrics-loading')).toBeTruthy();
    expect(screen.getByText('No lab services are reporting yet.')).toBeTruthy();
  });

  it('draws CPU, memory, disk and network (in and out) charts from the store', () => {
    useMetricsStore.getState().replace([sample(1, 10), sample(2, 20)]);
    render(<MetricsPanel />);
    expect(plots).toHaveLength(4);
    expect(plots[0]?.data[1]).toEqual([10, 20]);
    expect(plots[3]?.data).toHaveLength(3);
  });

  it('pushes a new sample into the charts and updates the current values', () => {
    useMetricsStore.getState().replace([sample(1, 10)]);
    render(<MetricsPanel />);
    act(() => useMetricsStore.getState().apply(sample(2, 35)));
    expect(plots[0]?.data[1]).toEqual([10, 35]);
    expect(screen.getByTestId('metric-cpu').textContent).toBe('35 %');
    expect(screen.getByTestId('metric-network').textContent).toBe('↓ 2.5 kB/s · ↑ 1.2 kB/s');
  });

  it('labels the time axis of a one-sample chart with seconds over the last minute, not with years', () => {
    const one = sample(0, 10);
    const t = Date.parse(one.timestamp) / 1000;
    useMetricsStore.getState().replace([one]);
    render(<MetricsPanel />);
    const options = plots[0]?.options as uPlot.Options;
    const range = options.scales?.['x']?.range as uPlot.Range.Function;
    // uPlot calls the range with the single timestamp widened to 1000 days.
    const [min, max] = range({ data: [[t]] } as unknown as uPlot, t, t + 86_400_000, 'x');
    expect([min, max]).toEqual([t - 60, t]);
    const values = options.axes?.[0]?.values as (u: uPlot, ticks: number[]) => string[];
    const labels = values({ scales: { x: { min, max } } } as unknown as uPlot, [t - 30, t]);
    expect(labels.every((label) => /^\d\d:\d\d:\d\d$/.test(label))).toBe(true);
  });

  it('lists services with status and latency', () => {
    useMetricsStore.getState().replace([sample(1, 10)]);
    render(<MetricsPanel />);
    expect(screen.getByTestId('service-row').textContent).toBe('nas▲ Warning48 ms');
  });

  it('releases the charts when unmounted', () => {
    const { unmount } = render(<MetricsPanel />);
    unmount();
    expect(plots.every((p) => p.destroyed)).toBe(true);
  });
});
