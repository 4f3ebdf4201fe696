import type { ActivityPayload } from '@yujian/realtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ACTIVITY, useActivityStore } from './activityStore';

const item = (id: string, minute: number): ActivityPayload => ({
  id, type: 'action', userId: 'u1', message: `did ${id}`,
  timestamp: new Date(Date.UTC(2026, 0, 1, 9) + minute * 60_000).toISOString(),
});

beforeEach(() => useActivityStore.getState().clear());

describe('activityStore', () => {
  it('shows INITIAL_DATA newest first', () => {
    useActivityStore.getState().replace([item('a', 1), item('b', 2), item('c', 3)]);
    expect(useActivityStore.getState().items.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('adds new entries on top and never shows an id twice', () => {
    useActivityStore.getState().replace([item('a', 1)]);
    useActivityStore.getState().apply(item('b', 2));
    useActivityStore.getState().apply(item('b', 2));
    useActivityStore.getState().apply(item('a', 1));
    expect(useActivityStore.getState().items.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('keeps at most MAX_ACTIVITY entries, the newest', () => {
    for (let i = 0; i < MAX_ACTIVITY + 3; i++) useActivityStore.getState().apply(item(`i${i}`, i));
    const { items } = useActivityStore.getState();
    expect(items).toHaveLength(MAX_ACTIVITY);
    expect(items[0]?.id).toBe(`i${MAX_ACTIVITY + 2}`);
  });
});
