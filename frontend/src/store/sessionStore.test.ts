import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from './sessionStore';

const alice = { id: 'u1', username: 'alice', name: 'Alice', role: 'member' };

function stubFetch(status: number, body?: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })));
}

beforeEach(() => useSessionStore.setState({ phase: 'checking', user: undefined, error: undefined, notice: undefined }));
afterEach(() => vi.unstubAllGlobals());

describe('sessionStore', () => {
  it('is signed in after /api/auth/me answers with a user', async () => {
    stubFetch(200, alice);
    await useSessionStore.getState().check();
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedIn', user: alice });
  });

  it('is signed out when /api/auth/me answers 401', async () => {
    stubFetch(401, { code: 'AUTHENTICATION_FAILED', message: 'No session' });
    await useSessionStore.getState().check();
    expect(useSessionStore.getState().phase).toBe('signedOut');
  });

  it('explains a 401 on login in plain words', async () => {
    stubFetch(401, { code: 'AUTHENTICATION_FAILED', message: 'Bad credentials' });
    await useSessionStore.getState().login('alice', 'nope');
    expect(useSessionStore.getState()).toMatchObject({ phase: 'checking', error: 'Wrong username or password.' });
  });

  it('signs in with the user from the login answer', async () => {
    stubFetch(200, { token: 't', expiresAt: '2026-01-01T00:00:00Z', user: alice });
    await useSessionStore.getState().login('alice', 'secret');
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedIn', user: alice, error: undefined });
  });

  it('is signed out after logout even when the server cannot be reached', async () => {
    useSessionStore.setState({ phase: 'signedIn', user: alice as never });
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('offline');
    }));
    await useSessionStore.getState().logout();
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedOut', user: undefined });
  });
});
