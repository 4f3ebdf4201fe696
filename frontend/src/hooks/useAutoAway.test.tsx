import { act, fireEvent, render } from '@testing-library/react';
import type { RealtimeClient } from '@yujian/realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMyStatusStore } from '../store/myStatusStore';
import { usePresenceStore } from '../store/presenceStore';
import { useSessionStore } from '../store/sessionStore';
import { RealtimeProvider } from './RealtimeContext';
import { CAME_BACK, IDLE_MS, useAutoAway, WENT_AWAY } from './useAutoAway';

function Probe() {
  useAutoAway();
  return null;
}

function renderWithClient() {
  const client = {
    updatePresence: vi.fn(), connect: vi.fn(), disconnect: vi.fn(), on: vi.fn(() => () => undefined),
    subscribe: () => () => undefined, state: { state: 'connected' },
  };
  render(
    <RealtimeProvider userId="u1" createClient={() => client as unknown as RealtimeClient}>
      <Probe />
    </RealtimeProvider>,
  );
  return client;
}

const me = (status: 'online' | 'away') => ({ userId: 'u1', status, location: 'Bench 1', lastSeen: new Date().toISOString() });

beforeEach(() => {
  vi.useFakeTimers();
  useMyStatusStore.getState().clear();
  useSessionStore.setState({ user: { id: 'u1', username: 'li', name: 'Li', role: 'member' } });
  usePresenceStore.getState().replace([me('online')]);
});
afterEach(() => vi.useRealTimers());

describe('useAutoAway', () => {
  it('goes away after 5 idle minutes and back online on activity', () => {
    const client = renderWithClient();
    act(() => vi.advanceTimersByTime(IDLE_MS));
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'away' });
    expect(useMyStatusStore.getState()).toMatchObject({ autoAway: true, notice: WENT_AWAY });
    act(() => usePresenceStore.getState().apply(me('away')));
    fireEvent.keyDown(window, { key: 'x' });
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'online' });
    expect(useMyStatusStore.getState()).toMatchObject({ autoAway: false, notice: CAME_BACK });
  });

  it('does not switch back to online when away was chosen by hand', () => {
    const client = renderWithClient();
    act(() => usePresenceStore.getState().apply(me('away')));
    act(() => vi.advanceTimersByTime(IDLE_MS));
    fireEvent.mouseMove(window);
    expect(client.updatePresence).not.toHaveBeenCalled();
  });

  it('does not switch back to online when a status was saved by hand after going away', () => {
    const client = renderWithClient();
    act(() => vi.advanceTimersByTime(IDLE_MS));
    act(() => useMyStatusStore.getState().choseByHand());
    fireEvent.mouseMove(window);
    expect(client.updatePresence).toHaveBeenCalledTimes(1);
  });
});
