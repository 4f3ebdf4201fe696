import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKOFF } from './backoff.js';
import { SyncWatchdog } from './SyncWatchdog.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watchdog() {
  const calls: string[] = [];
  const dog = new SyncWatchdog(
    { timeoutMs: 5_000, maxAttempts: 3, backoff: DEFAULT_BACKOFF, random: () => 0.5 },
    { retry: (c) => calls.push(`retry ${c}`), reload: (c) => calls.push(`reload ${c}`) },
  );
  return { dog, calls };
}

describe('SyncWatchdog', () => {
  it('does nothing when the answer comes in time', () => {
    const { dog, calls } = watchdog();
    dog.sent('presence');
    vi.advanceTimersByTime(4_999);
    dog.answered('presence');
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual([]);
  });

  it('retries an unanswered sync with backoff, then reloads after the last attempt', () => {
    const { dog, calls } = watchdog();
    dog.sent('presence');
    vi.advanceTimersByTime(5_000 + 999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['retry presence']);
    dog.sent('presence');
    vi.advanceTimersByTime(5_000 + 1_500);
    expect(calls).toEqual(['retry presence', 'retry presence']);
    dog.sent('presence');
    vi.advanceTimersByTime(5_000);
    expect(calls).toEqual(['retry presence', 'retry presence', 'reload presence']);
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(3);
  });

  it('counts a refusal as a failed attempt of every sync in flight, without waiting for the timeout', () => {
    const { dog, calls } = watchdog();
    dog.sent('presence');
    dog.sent('metrics');
    dog.refused();
    vi.advanceTimersByTime(1_000);
    expect(calls.sort()).toEqual(['retry metrics', 'retry presence']);
    dog.refused(); // nothing in flight now: no effect
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
  });

  it('starts counting again after an answer, and forgets everything on reset', () => {
    const { dog, calls } = watchdog();
    dog.sent('presence');
    dog.refused();
    dog.refused();
    vi.advanceTimersByTime(1_000);
    dog.sent('presence');
    dog.answered('presence');
    dog.sent('presence');
    dog.refused();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['retry presence', 'retry presence']);
    dog.sent('presence');
    dog.reset();
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
  });
});
