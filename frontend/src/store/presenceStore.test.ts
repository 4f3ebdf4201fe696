import type { PresencePayload } from '@yujian/realtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePresenceStore } from './presenceStore';

const p = (userId: string, status: PresencePayload['status'], name = userId, location?: string): PresencePayload => ({
  userId, status, location, lastSeen: '2026-01-01T09:00:00Z', metadata: { name, role: 'member' },
});

beforeEach(() => usePresenceStore.getState().clear());

describe('presenceStore', () => {
  it('replaces everyone on INITIAL_DATA, sorted by name', () => {
    usePresenceStore.getState().apply(p('stale', 'online'));
    usePresenceStore.getState().replace([p('u2', 'online', 'Zhang'), p('u1', 'away', 'Li')]);
    const { users, loaded } = usePresenceStore.getState();
    expect(users.map((u) => u.metadata?.name)).toEqual(['Li', 'Zhang']);
    expect(loaded).toBe(true);
  });

  it('shows a user once however often the same update arrives', () => {
    const update = p('u1', 'online', 'Li', 'Bench 3');
    usePresenceStore.getState().apply(update);
    usePresenceStore.getState().apply(update);
    expect(usePresenceStore.getState().users).toEqual([update]);
  });

  it('replaces a user in place on change', () => {
    usePresenceStore.getState().replace([p('u1', 'online', 'Li', 'Bench 1')]);
    usePresenceStore.getState().apply(p('u1', 'away', 'Li', 'Office'));
    expect(usePresenceStore.getState().users).toMatchObject([{ status: 'away', location: 'Office' }]);
  });

  it('removes a user who goes offline', () => {
    usePresenceStore.getState().replace([p('u1', 'online'), p('u2', 'online')]);
    usePresenceStore.getState().apply(p('u1', 'offline'));
    expect(usePresenceStore.getState().users.map((u) => u.userId)).toEqual(['u2']);
  });

  it('leaves offline entries of INITIAL_DATA out', () => {
    usePresenceStore.getState().replace([p('u1', 'offline'), p('u2', 'away')]);
    expect(usePresenceStore.getState().users.map((u) => u.userId)).toEqual(['u2']);
  });
});
