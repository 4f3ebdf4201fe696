import { act, fireEvent, render, screen } from '@testing-library/react';
import type { RealtimeClient } from '@yujian/realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeProvider } from '../../hooks/RealtimeContext';
import { usePresenceStore } from '../../store/presenceStore';
import { useSessionStore } from '../../store/sessionStore';
import { WENT_AWAY } from '../../hooks/useAutoAway';
import { useMyStatusStore } from '../../store/myStatusStore';
import { MyStatus } from './MyStatus';

function renderWithClient() {
  const client = {
    updatePresence: vi.fn(), connect: vi.fn(), disconnect: vi.fn(), on: vi.fn(() => () => undefined),
    subscribe: () => () => undefined, state: { state: 'connected' },
  };
  render(
    <RealtimeProvider userId="u1" createClient={() => client as unknown as RealtimeClient}>
      <MyStatus />
    </RealtimeProvider>,
  );
  return client;
}

beforeEach(() => {
  vi.useFakeTimers();
  useMyStatusStore.getState().clear();
  useSessionStore.setState({ user: { id: 'u1', username: 'li', name: 'Li', role: 'member' } });
  usePresenceStore.getState().replace([{ userId: 'u1', status: 'online', location: 'Bench 1', lastSeen: new Date().toISOString() }]);
});
afterEach(() => vi.useRealTimers());

describe('MyStatus', () => {
  it('starts from my current presence', () => {
    renderWithClient();
    expect((screen.getByTestId('my-location-input') as HTMLInputElement).value).toBe('Bench 1');
    expect((screen.getByTestId('my-status-select') as HTMLSelectElement).value).toBe('online');
  });

  it('sends the chosen status and location', () => {
    const client = renderWithClient();
    fireEvent.change(screen.getByTestId('my-status-select'), { target: { value: 'away' } });
    fireEvent.change(screen.getByTestId('my-location-input'), { target: { value: ' Office ' } });
    fireEvent.click(screen.getByTestId('my-status-save'));
    expect(client.updatePresence).toHaveBeenCalledWith({ status: 'away', location: 'Office' });
  });

  it('clears the location with an empty string', () => {
    const client = renderWithClient();
    fireEvent.change(screen.getByTestId('my-location-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('my-status-save'));
    expect(client.updatePresence).toHaveBeenCalledWith({ status: 'online', location: '' });
  });

  it('reports an automatic change and forgets it when a status is chosen by hand', () => {
    const client = renderWithClient();
    act(() => useMyStatusStore.getState().wentAway(WENT_AWAY));
    expect(screen.getByTestId('my-status-feedback').textContent).toBe(WENT_AWAY);
    fireEvent.click(screen.getByTestId('my-status-save'));
    expect(useMyStatusStore.getState().autoAway).toBe(false);
    expect(client.updatePresence).toHaveBeenCalledWith({ status: 'online', location: 'Bench 1' });
  });
});
