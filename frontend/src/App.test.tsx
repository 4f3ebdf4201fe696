import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RealtimeClient, RealtimeEvents } from '@yujian/realtime';
import { Emitter } from '@yujian/realtime/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { IDLE_MS } from './hooks/useAutoAway';
import { useMyStatusStore } from './store/myStatusStore';
import { useSessionStore } from './store/sessionStore';

vi.mock('uplot', () => import('./testing/fakeUplot'));

function fakeClient() {
  const events = new Emitter<RealtimeEvents>();
  return {
    on: events.on.bind(events), subscribe: () => () => undefined,
    connect: vi.fn(), disconnect: vi.fn(), retry: vi.fn(), ping: vi.fn(),
    updatePresence: vi.fn(), state: { state: 'connecting' },
  };
}

function serve(me: { status: number; body?: unknown }) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    if (path === '/api/auth/me') return new Response(JSON.stringify(me.body), { status: me.status });
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    return new Response('[]', { status: 200 });
  }));
}

beforeEach(() => {
  useSessionStore.setState({ phase: 'checking', user: undefined, unreachable: undefined, error: undefined, notice: undefined, busy: false });
  window.location.hash = '';
  useMyStatusStore.getState().clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('App', () => {
  it('shows the login form when there is no session', async () => {
    serve({ status: 401, body: { code: 'AUTHENTICATION_FAILED', message: 'No session' } });
    render(<App createClient={() => fakeClient() as unknown as RealtimeClient} />);
    expect(screen.getByTestId('session-checking')).toBeTruthy();
    expect(await screen.findByTestId('login-username')).toBeTruthy();
  });

  it('says the server cannot be reached, instead of asking to sign in, and retries on request', async () => {
    serve({ status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'Starting' } });
    render(<App createClient={() => fakeClient() as unknown as RealtimeClient} />);
    expect((await screen.findByTestId('session-unreachable')).textContent).toContain('not answering');
    expect(screen.queryByTestId('login-username')).toBeNull();
    serve({ status: 200, body: { id: 'u1', username: 'li', name: 'Li', role: 'member' } });
    fireEvent.click(screen.getByTestId('session-retry'));
    expect(await screen.findByTestId('current-user')).toBeTruthy();
  });

  it('connects once signed in and never shows a blank page while loading', async () => {
    serve({ status: 200, body: { id: 'u1', username: 'li', name: 'Li', role: 'member' } });
    const client = fakeClient();
    render(<App createClient={() => client as unknown as RealtimeClient} />);
    expect((await screen.findByTestId('connection-status')).textContent).toBe('◌ Connecting…');
    expect(client.connect).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('presence-loading')).toBeTruthy();
    expect(screen.getByTestId('metrics-loading')).toBeTruthy();
    expect(screen.queryByTestId('nav-admin')).toBeNull();
  });

  it('closes the connection and shows the login form on sign-out', async () => {
    serve({ status: 200, body: { id: 'u1', username: 'boss', name: 'Boss', role: 'admin' } });
    const client = fakeClient();
    render(<App createClient={() => client as unknown as RealtimeClient} />);
    expect(await screen.findByTestId('nav-admin')).toBeTruthy();
    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByTestId('login-username');
    await waitFor(() => expect(client.disconnect).toHaveBeenCalled());
  });
});

describe('App idle detection', () => {
  const li = { id: 'u1', username: 'li', name: 'Li', role: 'member' };

  function go(hash: string) {
    act(() => {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
  }

  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('sets me away after 5 idle minutes on the History page too', async () => {
    serve({ status: 200, body: li });
    window.location.hash = '#/history';
    const client = fakeClient();
    render(<App createClient={() => client as unknown as RealtimeClient} />);
    expect(await screen.findByTestId('presence-history')).toBeTruthy();
    act(() => vi.advanceTimersByTime(IDLE_MS));
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'away' });
  });

  it('keeps an automatic away across a page change, and ends it on the next activity', async () => {
    serve({ status: 200, body: li });
    const client = fakeClient();
    render(<App createClient={() => client as unknown as RealtimeClient} />);
    await screen.findByTestId('my-status-select');
    act(() => vi.advanceTimersByTime(IDLE_MS));
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'away' });
    go('#/history');
    await screen.findByTestId('presence-history');
    fireEvent.keyDown(window, { key: 'x' });
    expect(client.updatePresence).toHaveBeenLastCalledWith({ status: 'online' });
  });
});
