import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../store/sessionStore';
import { LoginForm } from './LoginForm';

function fill(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

beforeEach(() => useSessionStore.setState({ phase: 'signedOut', user: undefined, error: undefined, notice: undefined, busy: false }));
afterEach(() => vi.unstubAllGlobals());

describe('LoginForm', () => {
  it('shows a clear error on 401', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'AUTHENTICATION_FAILED', message: 'x' }), { status: 401 })));
    render(<LoginForm />);
    fill('li', 'wrong');
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('Wrong username or password.'));
  });

  it('posts the credentials and signs in', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({
      token: 't', expiresAt: '2026-01-01T00:00:00Z', user: { id: 'u1', username: 'li', name: 'Li', role: 'member' },
    }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<LoginForm />);
    fill(' li ', 'secret');
    await waitFor(() => expect(useSessionStore.getState().phase).toBe('signedIn'));
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/auth/login');
    expect(JSON.parse(init.body as string)).toEqual({ username: 'li', password: 'secret' });
  });

  it('explains why the user was signed out', () => {
    useSessionStore.setState({ notice: 'Your session has ended. Please sign in again.' });
    render(<LoginForm />);
    expect(screen.getByTestId('login-notice').textContent).toContain('session has ended');
  });
});
