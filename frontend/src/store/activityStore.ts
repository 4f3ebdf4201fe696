import type { ActivityPayload } from '@yujian/realtime';
import { create } from 'zustand';

/** How many feed entries are kept. */
export const MAX_ACTIVITY = 100;

/** The activity feed, newest first, keyed by id. */
export interface ActivityState {
  items: ActivityPayload[];
  loaded: boolean;
  /** INITIAL_DATA: recent entries, oldest first as the server sends them. */
  replace(oldestFirst: ActivityPayload[]): void;
  /** DATA: one entry; an id already held is not added again. */
  apply(item: ActivityPayload): void;
  clear(): void;
}

function newestFirst(items: Iterable<ActivityPayload>): ActivityPayload[] {
  const byId = new Map<string, ActivityPayload>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
    .slice(0, MAX_ACTIVITY);
}

export const useActivityStore = create<ActivityState>()((set) => ({
  items: [],
  loaded: false,
  replace: (oldestFirst) => set({ items: newestFirst(oldestFirst), loaded: true }),
  apply: (item) => set((state) => ({ items: newestFirst([...state.items, item]) })),
  clear: () => set({ items: [], loaded: false }),
}));
