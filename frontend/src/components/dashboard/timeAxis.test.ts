import { describe, expect, it } from 'vitest';
import { MIN_SPAN_S, timeLabels, timeRange } from './timeAxis';

/** Seconds since the epoch of a local time of day, so that the labels do not depend on the time zone. */
const at = (h: number, m: number, s: number) => new Date(2026, 11, 1, h, m, s).getTime() / 1000;

describe('timeRange', () => {
  it('spans the minute up to a single sample instead of the 1000 days uPlot widens it to', () => {
    const t = at(9, 5, 7);
    expect(timeRange([t], t, t + 86_400_000)).toEqual([t - MIN_SPAN_S, t]);
  });

  it('treats samples that share one timestamp as one sample', () => {
    const t = at(9, 5, 7);
    expect(timeRange([t, t, t], t, t + 86_400_000)).toEqual([t - 60, t]);
  });

  it('widens a span under a minute to a minute and keeps a longer one', () => {
    const t = at(9, 5, 7);
    expect(timeRange([t, t + 10], t, t + 10)).toEqual([t - 50, t + 10]);
    expect(timeRange([t, t + 600], t, t + 600)).toEqual([t, t + 600]);
  });
});

describe('timeLabels', () => {
  it('shows seconds while the axis spans under five minutes', () => {
    expect(timeLabels([at(9, 5, 0), at(9, 5, 15), at(9, 5, 30)], 60)).toEqual(['09:05:00', '09:05:15', '09:05:30']);
    expect(timeLabels([at(23, 59, 59)], 299)).toEqual(['23:59:59']);
  });

  it('shows hours and minutes from five minutes on', () => {
    expect(timeLabels([at(9, 0, 0), at(9, 5, 0), at(14, 30, 0)], 300)).toEqual(['09:00', '09:05', '14:30']);
  });
});
