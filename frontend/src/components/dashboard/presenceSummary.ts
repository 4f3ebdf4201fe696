import type { PresencePayload } from '@yujian/realtime';

/** Label used for people who have not said where they are. */
export const NO_LOCATION = 'Location not set';

/** How many people are online and away, and how many are at each location (busiest first). */
export function summarize(users: readonly PresencePayload[]) {
  const byStatus = { online: 0, away: 0 };
  const byLocation = new Map<string, number>();
  for (const user of users) {
    if (user.status === 'online' || user.status === 'away') byStatus[user.status]++;
    const location = user.location?.trim() || NO_LOCATION;
    byLocation.set(location, (byLocation.get(location) ?? 0) + 1);
  }
  const locations = [...byLocation.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => ({ name, count }));
  return { byStatus, locations };
}
