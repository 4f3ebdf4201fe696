import type { MetricsPayload } from '@yujian/realtime';
import { create } from 'zustand';

/** How many samples the charts keep (the server's INITIAL_DATA sends up to 50). */
export const MAX_SAMPLES = 120;

/** Host and service metrics over time, oldest first, keyed by sample timestamp. */
export interface MetricsState {
  samples: MetricsPayload[];
  loaded: boolean;
  /** INITIAL_DATA: recent samples. */
  replace(samples: MetricsPayload[]): void;
  /** DATA: one sample; a sample with a timestamp already held replaces it. */
  apply(sample: MetricsPayload): void;
  clear(): void;
}

const time = (s: MetricsPayload) => Date.parse(s.timestamp);

function merge(existing: MetricsPayload[], incoming: MetricsPayload[]): MetricsPayload[] {
  const byTime = new Map<number, MetricsPayload>();
  for (const s of existing) byTime.set(time(s), s);
  for (const s of incoming) byTime.set(time(s), s);
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .slice(-MAX_SAMPLES)
    .map(([, s]) => s);
}

export const useMetricsStore = create<MetricsState>()((set) => ({
  samples: [],
  loaded: false,
  replace: (samples) => set({ samples: merge([], samples), loaded: true }),
  apply: (sample) => set((state) => ({ samples: merge(state.samples, [sample]) })),
  clear: () => set({ samples: [], loaded: false }),
}));

/** The newest sample, if any. */
export const latestSample = (state: MetricsState): MetricsPayload | undefined => state.samples.at(-1);
