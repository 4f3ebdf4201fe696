import { vi } from 'vitest';

/** A fetch stand-in answering by "METHOD path" and recording every call. */
export function fakeApi(routes: Record<string, (body?: unknown) => { status: number; body?: unknown }>) {
  const calls: { key: string; body?: unknown }[] = [];
  const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${path}`;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ key, body });
    const route = routes[key];
    const answer = route ? route(body) : { status: 404, body: { code: 'CHANNEL_NOT_FOUND', message: `no route ${key}` } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
