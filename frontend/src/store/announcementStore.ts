import type { AnnouncementPayload, Priority } from '@yujian/realtime';
import { create } from 'zustand';

/** Announcements by id, as the server last sent them (an expired one stays until replaced). */
export interface AnnouncementState {
  byId: Record<string, AnnouncementPayload>;
  loaded: boolean;
  /** INITIAL_DATA: the active announcements. */
  replace(all: AnnouncementPayload[]): void;
  /** DATA: a new or changed announcement (an expire is re-sent with expiresAt now). */
  apply(announcement: AnnouncementPayload): void;
  clear(): void;
}

const RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Whether an announcement is still shown at `now` (ms since epoch). */
export function isActive(a: AnnouncementPayload, now: number): boolean {
  return !a.expiresAt || Date.parse(a.expiresAt) > now;
}

/** The active announcements, highest priority first, then newest first. */
export function activeAnnouncements(byId: Record<string, AnnouncementPayload>, now: number): AnnouncementPayload[] {
  return Object.values(byId)
    .filter((a) => isActive(a, now))
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || Date.parse(b.timestamp) - Date.parse(a.timestamp));
}

export const useAnnouncementStore = create<AnnouncementState>()((set) => ({
  byId: {},
  loaded: false,
  replace: (all) => set({ byId: Object.fromEntries(all.map((a) => [a.id, a])), loaded: true }),
  apply: (announcement) => set((state) => ({ byId: { ...state.byId, [announcement.id]: announcement } })),
  clear: () => set({ byId: {}, loaded: false }),
}));
