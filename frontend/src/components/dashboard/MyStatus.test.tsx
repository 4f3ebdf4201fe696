import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeProvider } from '../../hooks/RealtimeContext';
import type { RealtimeClient } from '../../realtime';
import { usePresenceStore } from '../../store/presenceStore';
import { useSessionStore } from '../../store/sessionStore';
import { IDLE_MS, MyStatus } from './MyStatus';

function renderWithClient() {
  const client = { updatePresence: vi.fn(), connect: vi.fn(), disconnect: vi.fn(), on: vi.fn(() => () => undefined), state: { state: 'connected' } };
  render(
    <RealtimeProvider userId="u1" createClient={() => client as unknown as RealtimeClient}>
      <MyStatus />
    </RealtimeProvider>,
  );
  return client;
}

beforeEach(() => {
  vi.useFakeTimers();
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

  it('goes away after 5 idle minutes and back online on activity', () => {
    const client = renderWithClient();
    act(() => vi.advanceTimersByTime(IDLE_MS));
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'away' });
    act(() => usePresenceStore.getState().apply({ userId: 'u1', status: 'away', location: 'Bench 1', lastSeen: new Date().toISOString() }));
    fireEvent.keyDown(window, { key: 'x' });
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'online' });
  });

  it('does not switch back to online when away was chosen by hand', () => {
    const client = renderWithClient();
    act(() => usePresenceStore.getState().apply({ userId: 'u1', status: 'away', lastSeen: new Date().toISOString() }));
    act(() => vi.advanceTimersByTime(IDLE_MS));
    fireEvent.mouseMove(window);
    expect(client.updatePresence).not.toHaveBeenCalled();
  });
});
