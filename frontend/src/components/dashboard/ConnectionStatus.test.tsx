import { act, fireEvent, render, screen } from '@testing-library/react';
import type { RealtimeClient } from '@yujian/realtime';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeProvider } from '../../hooks/RealtimeContext';
import { useConnectionStore } from '../../store/connectionStore';
import { ConnectionStatus } from './ConnectionStatus';

function fakeClient() {
  return {
    retry: vi.fn(), connect: vi.fn(), disconnect: vi.fn(), on: vi.fn(() => () => undefined),
    subscribe: () => () => undefined, state: { state: 'connecting' },
  };
}

function renderWith(client = fakeClient()) {
  render(
    <RealtimeProvider userId="u1" createClient={() => client as unknown as RealtimeClient}>
      <ConnectionStatus />
    </RealtimeProvider>,
  );
  return client;
}

beforeEach(() => useConnectionStore.getState().reset());

describe('ConnectionStatus', () => {
  it('shows Connected with the measured round trip', () => {
    renderWith();
    act(() => useConnectionStore.setState({ status: { state: 'connected', clientId: 'c', userId: 'u' }, rttMs: 12 }));
    expect(screen.getByTestId('connection-status').textContent).toBe('● Connected · 12 ms');
  });

  it('shows the reconnect attempt', () => {
    renderWith();
    act(() => useConnectionStore.setState({ status: { state: 'reconnecting', attempt: 3, delayMs: 2250 } }));
    expect(screen.getByTestId('connection-status').textContent).toBe('◌ Reconnecting… (3)');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('offers Retry after giving up, which restarts the client', () => {
    const client = renderWith();
    act(() => useConnectionStore.setState({ status: { state: 'gaveUp', reason: 'max-attempts' } }));
    expect(screen.getByTestId('connection-status').textContent).toContain('Disconnected');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(client.retry).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry when a new login is needed', () => {
    renderWith();
    act(() => useConnectionStore.setState({ status: { state: 'gaveUp', reason: 'auth-required', closeCode: 1008 } }));
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
