import { describe, expect, it } from 'vitest';
import type { PresenceChange } from '../../api/types';
import { buildTimelines, dayWindow, today } from './timeline';

const H = 3_600_000;
const DAY = Date.UTC(2026, 2, 10);
const at = (hours: number) => new Date(DAY + hours * H).toISOString();
const row = (userId: string, hours: number, status: PresenceChange['status'], location?: string, name = userId): PresenceChange =>
  ({ userId, name, status, location, activity: null, at: at(hours) });

describe('buildTimelines', () => {
  it('turns changes into online and away intervals, ending at offline', () => {
    const [li] = buildTimelines([row('li', 9, 'online', 'Bench 1'), row('li', 12, 'away', 'Bench 1'), row('li', 13, 'offline')], DAY, DAY + 24 * H);
    expect(li?.intervals).toEqual([
      { status: 'online', start: DAY + 9 * H, end: DAY + 12 * H, location: 'Bench 1' },
      { status: 'away', start: DAY + 12 * H, end: DAY + 13 * H, location: 'Bench 1' },
    ]);
  });

  it('carries a state from before the window in and clips at its end', () => {
    const [li] = buildTimelines([row('li', -3, 'online', 'Office')], DAY, DAY + 24 * H);
    expect(li?.intervals).toEqual([{ status: 'online', start: DAY, end: DAY + 24 * H, location: 'Office' }]);
  });

  it('merges rows where only the activity changed', () => {
    const rows = [row('li', 9, 'online', 'Bench 1'), { ...row('li', 10, 'online', 'Bench 1'), activity: 'PCR' }, row('li', 11, 'offline')];
    expect(buildTimelines(rows, DAY, DAY + 24 * H)[0]?.intervals).toHaveLength(1);
  });

  it('leaves out users who were offline the whole window and sorts the rest by name', () => {
    const rows = [row('u2', 10, 'online', undefined, 'Zhang'), row('u1', 11, 'online', undefined, 'Li'), row('u3', -5, 'offline')];
    expect(buildTimelines(rows, DAY, DAY + 24 * H).map((t) => t.name)).toEqual(['Li', 'Zhang']);
  });

  it('accepts rows out of order', () => {
    const [li] = buildTimelines([row('li', 13, 'offline'), row('li', 9, 'online')], DAY, DAY + 24 * H);
    expect(li?.intervals).toMatchObject([{ start: DAY + 9 * H, end: DAY + 13 * H }]);
  });
});

describe('dayWindow', () => {
  it('spans local midnight to the next local midnight', () => {
    const { from, to } = dayWindow('2026-03-10');
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(from).getDate()).toBe(10);
    expect(new Date(to).getDate()).toBe(11);
    expect(today(new Date(from))).toBe('2026-03-10');
  });
});
