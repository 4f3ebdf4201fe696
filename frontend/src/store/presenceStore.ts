import type { PresencePayload } from '@yujian/realtime';
import { create } from 'zustand';

/** Who is in the lab now, keyed by userId; offline users are not listed. */
export interface PresenceState {
  /** Present users (online or away), sorted by display name. */
  users: PresencePayload[];
  /** INITIAL_DATA has arrived at least once. */
  loaded: boolean;
  /** INITIAL_DATA: everyone present now. */
  replace(all: PresencePayload[]): void;
  /** DATA: one user's new presence; idempotent, offline removes. */
  apply(update: PresencePayload): void;
  clear(): void;
}

/** The name to show for a presence entry. */
export const displayName = (p: PresencePayload) => p.metadata?.name ?? p.userId;

const byName = (a: PresencePayload, b: PresencePayload) =>
  displayName(a).localeCompare(displayName(b)) || a.userId.localeCompare(b.userId);

function present(all: Iterable<PresencePayload>): PresencePayload[] {
  const byId = new Map<string, PresencePayload>();
  for (const p of all) {
    if (p.status === 'offline') byId.delete(p.userId);
    else byId.set(p.userId, p);
  }
  return [...byId.values()].sort(byName);
}

export const usePresenceStore = create<PresenceState>()((set) => ({
  users: [],
  loaded: false,
  replace: (all) => set({ users: present(all), loaded: true }),
  apply: (update) =>
    set((state) => ({ users: present([...state.users.filter((u) => u.userId !== update.userId), update]) })),
  clear: () => set({ users: [], loaded: false }),
}));
