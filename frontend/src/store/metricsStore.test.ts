import type { MetricsPayload } from '@yujian/realtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { latestSample, MAX_SAMPLES, useMetricsStore } from './metricsStore';

const sample = (second: number, cpu = second): MetricsPayload => ({
  timestamp: new Date(Date.UTC(2026, 0, 1, 9) + second * 1000).toISOString(),
  metrics: { cpu, memory: 50, disk: 70, network: { in: 1000, out: 500 } },
  services: [],
});

beforeEach(() => useMetricsStore.getState().clear());

describe('metricsStore', () => {
  it('keeps samples oldest first and exposes the latest', () => {
    useMetricsStore.getState().replace([sample(1), sample(2)]);
    useMetricsStore.getState().apply(sample(3));
    const state = useMetricsStore.getState();
    expect(state.samples.map((s) => s.metrics.cpu)).toEqual([1, 2, 3]);
    expect(latestSample(state)?.metrics.cpu).toBe(3);
  });

  it('does not add a sample twice', () => {
    useMetricsStore.getState().apply(sample(1));
    useMetricsStore.getState().apply(sample(1));
    expect(useMetricsStore.getState().samples).toHaveLength(1);
  });

  it('puts a late sample in time order', () => {
    useMetricsStore.getState().replace([sample(1), sample(3)]);
    useMetricsStore.getState().apply(sample(2));
    expect(useMetricsStore.getState().samples.map((s) => s.metrics.cpu)).toEqual([1, 2, 3]);
  });

  it('keeps at most MAX_SAMPLES, dropping the oldest', () => {
    for (let i = 0; i < MAX_SAMPLES + 5; i++) useMetricsStore.getState().apply(sample(i));
    const { samples } = useMetricsStore.getState();
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(samples[0]?.metrics.cpu).toBe(5);
  });
});
