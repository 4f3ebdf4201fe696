import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from './sessionStore';

const alice = { id: 'u1', username: 'alice', name: 'Alice', role: 'member' };

function stubFetch(status: number, body?: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })));
}

beforeEach(() => useSessionStore.setState({ phase: 'checking', user: undefined, unreachable: undefined, error: undefined, notice: undefined }));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

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

describe('sessionStore when the server cannot answer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter: 1 s, 1.5 s...
  });

  it('is unreachable, not signed out, on a network error, and signs in once the server is back', async () => {
    const fetchMock = vi.fn(async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetchMock);
    await useSessionStore.getState().check();
    expect(useSessionStore.getState()).toMatchObject({
      phase: 'unreachable', unreachable: { reason: 'Cannot reach the server.', attempt: 1 },
    });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(useSessionStore.getState().unreachable?.attempt).toBe(2);

    fetchMock.mockImplementation(async () => new Response(JSON.stringify(alice), { status: 200 }));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedIn', user: alice, unreachable: undefined });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('is unreachable on a 5xx and names the status', async () => {
    stubFetch(503, { code: 'SERVICE_UNAVAILABLE', message: 'Database down' });
    await useSessionStore.getState().check();
    expect(useSessionStore.getState()).toMatchObject({
      phase: 'unreachable', unreachable: { reason: 'The server is not answering properly (HTTP 503).' },
    });
  });

  it('checks at once on a manual retry, and only once while a check is under way', async () => {
    stubFetch(502);
    await useSessionStore.getState().check();
    stubFetch(401, { code: 'AUTHENTICATION_FAILED', message: 'No session' });
    await Promise.all([useSessionStore.getState().check(), useSessionStore.getState().check()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedOut', unreachable: undefined });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
