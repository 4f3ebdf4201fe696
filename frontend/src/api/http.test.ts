import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from './http';

function respond(status: number, body?: unknown) {
  const fetchMock = vi.fn(async () =>
    new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('sends JSON with the same-origin cookie and no Authorization header', async () => {
    const fetchMock = respond(200, { ok: true });
    await expect(request('POST', '/api/x', { a: 1 })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).not.toHaveProperty('Authorization');
  });

  it('resolves undefined for 204', async () => {
    respond(204);
    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
  });

  it('throws the server error code and message', async () => {
    respond(401, { code: 'AUTHENTICATION_FAILED', message: 'Wrong username or password' });
    const error = await request('POST', '/api/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTHENTICATION_FAILED', message: 'Wrong username or password' });
  });

  it('throws a generic error for a body that is not the error shape', async () => {
    respond(502, 'Bad gateway');
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 502, code: 'SERVER_ERROR' });
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 0, code: 'SERVICE_UNAVAILABLE' });
  });
});
