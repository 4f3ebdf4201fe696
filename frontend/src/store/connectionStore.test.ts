import { beforeEach, describe, expect, it } from 'vitest';
import { useConnectionStore } from './connectionStore';

beforeEach(() => useConnectionStore.getState().reset());

describe('connectionStore', () => {
  it('records refused channels and forgets them once a later subscribe succeeds', () => {
    const store = useConnectionStore.getState();
    store.markDenied({ channel: 'activity', reason: 'ACCESS_DENIED' });
    expect(useConnectionStore.getState().denied).toEqual({ activity: 'ACCESS_DENIED' });
    store.markSubscribed('activity');
    expect(useConnectionStore.getState().denied).toEqual({});
    expect(useConnectionStore.getState().subscribed).toEqual({ activity: true });
  });

  it('clears confirmed subscriptions when a new session connects', () => {
    const store = useConnectionStore.getState();
    store.markSubscribed('presence');
    store.setStatus({ state: 'reconnecting', attempt: 1, delayMs: 1000 });
    expect(useConnectionStore.getState().subscribed).toEqual({ presence: true });
    store.setStatus({ state: 'connected', clientId: 'c', userId: 'u' });
    expect(useConnectionStore.getState().subscribed).toEqual({});
  });
});
