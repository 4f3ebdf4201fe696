import type { PresenceChange } from '../../api/types';

/** A stretch of time a user was in one status at one location. Times are ms since epoch. */
export interface Interval {
  status: 'online' | 'away';
  start: number;
  end: number;
  location?: string;
}

/** One user's intervals inside a window. */
export interface Timeline {
  userId: string;
  name: string;
  intervals: Interval[];
}

/** How far before the window the history is read, to know each user's state when it opens. */
export const LOOKBACK_MS = 24 * 3_600_000;

function push(list: Interval[], next: Interval): void {
  const last = list.at(-1);
  if (last && last.end === next.start && last.status === next.status && last.location === next.location) {
    last.end = next.end;
  } else if (next.end > next.start) {
    list.push(next);
  }
}

/**
 * Turns PresenceChange rows (any order) into online/away intervals clipped to [from, to).
 * Each row's state lasts until that user's next row, or until `to`. Offline ends an interval.
 * Consecutive intervals with the same status and location (e.g. only the activity changed) merge.
 * Users with no online or away time inside the window are left out; the rest are sorted by name.
 */
export function buildTimelines(changes: readonly PresenceChange[], from: number, to: number): Timeline[] {
  const byUser = new Map<string, PresenceChange[]>();
  for (const change of [...changes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const list = byUser.get(change.userId) ?? [];
    list.push(change);
    byUser.set(change.userId, list);
  }
  const timelines: Timeline[] = [];
  for (const [userId, rows] of byUser) {
    const intervals: Interval[] = [];
    rows.forEach((row, i) => {
      if (row.status === 'offline') return;
      const next = rows[i + 1];
      const start = Math.max(Date.parse(row.at), from);
      const end = Math.min(next ? Date.parse(next.at) : to, to);
      push(intervals, { status: row.status, start, end, location: row.location ?? undefined });
    });
    if (intervals.length) timelines.push({ userId, name: rows.at(-1)?.name ?? userId, intervals });
  }
  return timelines.sort((a, b) => a.name.localeCompare(b.name));
}

/** Local midnight of the day `date` (yyyy-mm-dd) names, and of the next day. */
export function dayWindow(date: string): { from: number; to: number } {
  const [y, m, d] = date.split('-').map(Number);
  const from = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
  const to = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1).getTime();
  return { from, to };
}

/** Today as yyyy-mm-dd in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
