import type { AnnouncementPayload, Priority } from '@yujian/realtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeAnnouncements, useAnnouncementStore } from './announcementStore';

const NOW = Date.UTC(2026, 0, 1, 12);
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const ann = (id: string, priority: Priority, posted: number, expiresAt?: string): AnnouncementPayload => ({
  id, priority, title: `T ${id}`, content: 'c', author: { userId: 'a', name: 'Admin' }, timestamp: at(posted), expiresAt,
});

beforeEach(() => useAnnouncementStore.getState().clear());

describe('announcementStore', () => {
  it('holds each announcement once by id', () => {
    useAnnouncementStore.getState().replace([ann('a1', 'normal', -5)]);
    useAnnouncementStore.getState().apply(ann('a1', 'normal', -5));
    useAnnouncementStore.getState().apply(ann('a2', 'low', -1));
    expect(Object.keys(useAnnouncementStore.getState().byId).sort()).toEqual(['a1', 'a2']);
  });

  it('hides an announcement once the server re-sends it expired', () => {
    useAnnouncementStore.getState().replace([ann('a1', 'high', -5)]);
    useAnnouncementStore.getState().apply(ann('a1', 'high', -5, at(0)));
    expect(activeAnnouncements(useAnnouncementStore.getState().byId, NOW)).toEqual([]);
  });
});

describe('activeAnnouncements', () => {
  it('orders by priority, then newest first', () => {
    const byId = Object.fromEntries(
      [ann('low', 'low', -1), ann('old-urgent', 'urgent', -60), ann('urgent', 'urgent', -2), ann('high', 'high', -3)]
        .map((a) => [a.id, a]),
    );
    expect(activeAnnouncements(byId, NOW).map((a) => a.id)).toEqual(['urgent', 'old-urgent', 'high', 'low']);
  });

  it('drops announcements whose expiry has passed by now', () => {
    const byId = { a: ann('a', 'urgent', -10, at(5)), b: ann('b', 'low', -10) };
    expect(activeAnnouncements(byId, NOW).map((a) => a.id)).toEqual(['a', 'b']);
    expect(activeAnnouncements(byId, NOW + 5 * 60_000).map((a) => a.id)).toEqual(['b']);
  });
});
