import type { PresencePayload } from '@yujian/realtime';
import { describe, expect, it } from 'vitest';
import { NO_LOCATION, summarize } from './presenceSummary';

const p = (userId: string, status: PresencePayload['status'], location?: string): PresencePayload =>
  ({ userId, status, location, lastSeen: '2026-01-01T09:00:00Z' });

describe('summarize', () => {
  it('counts people by status and by location, busiest location first', () => {
    const summary = summarize([
      p('a', 'online', 'Bench 2'), p('b', 'away', 'Bench 1'), p('c', 'online', 'Bench 1'), p('d', 'online'),
    ]);
    expect(summary.byStatus).toEqual({ online: 3, away: 1 });
    expect(summary.locations).toEqual([
      { name: 'Bench 1', count: 2 }, { name: 'Bench 2', count: 1 }, { name: NO_LOCATION, count: 1 },
    ]);
  });

  it('counts blank locations as not set', () => {
    expect(summarize([p('a', 'online', '  ')]).locations).toEqual([{ name: NO_LOCATION, count: 1 }]);
  });
});
