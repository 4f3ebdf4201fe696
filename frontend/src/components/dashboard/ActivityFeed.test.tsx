import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useActivityStore } from '../../store/activityStore';
import { useConnectionStore } from '../../store/connectionStore';
import { useSessionStore } from '../../store/sessionStore';
import { ActivityFeed } from './ActivityFeed';

const entry = { id: 'a1', type: 'join' as const, userId: 'u1', message: 'checked in at Bench 2', timestamp: new Date().toISOString() };

beforeEach(() => {
  useActivityStore.getState().clear();
  useConnectionStore.getState().reset();
  useSessionStore.setState({ user: { id: 'u9', username: 'm', name: 'M', role: 'member' } });
});

describe('ActivityFeed', () => {
  it('lists entries newest first once loaded, each once', () => {
    render(<ActivityFeed />);
    act(() => {
      useActivityStore.getState().replace([entry]);
      useActivityStore.getState().apply({ ...entry, id: 'a2', message: 'left', timestamp: new Date(Date.now() + 1000).toISOString() });
      useActivityStore.getState().apply(entry);
    });
    const items = screen.getAllByTestId('activity-item');
    expect(items.map((i) => i.getAttribute('data-id'))).toEqual(['a2', 'a1']);
  });

  it('hides the feed with an explanation when the server denies the channel', () => {
    render(<ActivityFeed />);
    act(() => useConnectionStore.getState().markDenied({ channel: 'activity', reason: 'ACCESS_DENIED' }));
    expect(screen.queryByTestId('activity-feed')).toBeNull();
    expect(screen.getByTestId('activity-hidden').textContent).toContain('admins by default');
    expect(screen.getByTestId('activity-hidden').textContent).toContain('signed in as member');
  });
});
