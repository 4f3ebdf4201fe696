import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESTINATIONS } from './RealtimeClient.js';
import { acceptConnection, harness, settle, subscriptions } from './testing/harness.js';
import { data, initial } from './testing/messages.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeClient reconnect by close code', () => {
  it.each([1001, 1006, 1011, 1012])('reconnects after close %i with the initial backoff', async (code) => {
    const { server, client } = harness();
    client.connect();
    const first = await acceptConnection(server);
    first.serverClose(code);
    expect(client.state).toEqual({ state: 'reconnecting', attempt: 1, delayMs: 1000, closeCode: code });
    await settle(999);
    expect(server.sockets).toHaveLength(1);
    await settle(1);
    expect(server.sockets).toHaveLength(2);
  });

  it.each([1000, 1002, 1003, 1008, 1009, 1015])('gives up after final close %i until retry()', async (code) => {
    const { server, client } = harness();
    client.connect();
    const first = await acceptConnection(server);
    first.serverClose(code);
    expect(client.state).toEqual({ state: 'gaveUp', reason: 'closed', closeCode: code });
    await settle(60_000);
    expect(server.sockets).toHaveLength(1);
    client.retry();
    await acceptConnection(server);
    expect(client.state.state).toBe('connected');
  });

  it('requires a new login after AUTHENTICATION_FAILED and does not retry by itself', async () => {
    const { server, client, events } = harness();
    client.connect();
    await settle();
    const socket = server.last;
    socket.open();
    const error = { type: 'ERROR', code: 'AUTHENTICATION_FAILED', message: 'Token expired', timestamp: 1 };
    socket.push('ERROR', { message: 'AUTHENTICATION_FAILED' }, JSON.stringify(error));
    socket.serverClose(1008);
    expect(client.state).toEqual({ state: 'gaveUp', reason: 'auth-required', closeCode: 1008 });
    expect(events.serverError).toEqual([error]);
    await settle(120_000);
    expect(server.sockets).toHaveLength(1);
  });

  it('grows the delay by 1.5 and gives up after 10 failed attempts', async () => {
    const { server, client, events } = harness();
    client.connect();
    for (let i = 0; i <= 10; i++) {
      await settle();
      server.last.serverClose(1006);
      const state = client.state;
      if (state.state === 'reconnecting') await settle(state.delayMs);
    }
    const delays = events.state?.flatMap((s) => (s.state === 'reconnecting' ? [s.delayMs] : []));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 11391, 17086, 25629, 30000]);
    expect(client.state).toEqual({ state: 'gaveUp', reason: 'max-attempts', closeCode: 1006 });
    expect(server.sockets).toHaveLength(11);
  });

  it('starts counting again after a successful connection', async () => {
    const { server, client } = harness();
    client.connect();
    await settle();
    server.last.serverClose(1006);
    await settle(1000);
    (await acceptConnection(server)).serverClose(1006);
    expect(client.state).toMatchObject({ state: 'reconnecting', attempt: 1, delayMs: 1000 });
  });

  it('gives up on an attempt that is not CONNECTED within 10 s and retries', async () => {
    const { server, client } = harness();
    client.connect();
    await settle();
    server.last.open(); // the server never answers CONNECT
    await settle(9_999);
    expect(client.state.state).toBe('connecting');
    await settle(1);
    expect(client.state).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });

  it('drops a connection whose server heart-beats stopped, then reconnects', async () => {
    const { server, client } = harness();
    client.connect();
    await acceptConnection(server);
    await settle(31_000);
    expect(client.state).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });

  it('stays disconnected after disconnect() and reconnects on connect()', async () => {
    const { server, client } = harness();
    client.connect();
    const socket = await acceptConnection(server);
    client.disconnect();
    expect(client.state).toEqual({ state: 'disconnected' });
    expect(socket.sent('DISCONNECT')).toHaveLength(1);
    await settle(60_000);
    expect(server.sockets).toHaveLength(1);
    client.connect();
    await acceptConnection(server);
    expect(client.state.state).toBe('connected');
  });
});

describe('RealtimeClient recovery after reconnect', () => {
  it('resubscribes and asks each channel to sync from its last position', async () => {
    const { server, client, events } = harness();
    client.subscribe('presence');
    client.connect();
    const first = await acceptConnection(server);
    first.deliver(DESTINATIONS.replies, initial(10, 'e1'));
    first.deliver('/topic/presence', data(11, 'e1'));
    first.serverClose(1012);
    await settle(1000);

    const second = await acceptConnection(server);
    expect(subscriptions(second)).toEqual(['/user/queue/replies', '/topic/presence']);
    expect(second.sentTo('/app/sync')).toEqual([
      { type: 'REQUEST_SYNC', channel: 'presence', lastSequence: 11, epoch: 'e1' },
    ]);
    second.deliver('/topic/presence', data(14, 'e1'));
    second.deliver(DESTINATIONS.replies, initial(13, 'e1'));
    second.deliver(DESTINATIONS.replies, {
      type: 'SYNC_RESPONSE', channel: 'presence', messages: [data(12), data(13)],
      currentSequence: 13, epoch: 'e1', recovered: true, timestamp: 1,
    });
    expect(events.initialData?.map((m) => m.sequence)).toEqual([10, 13]);
    expect(events.data?.map((m) => m.sequence)).toEqual([11, 14]);
  });
});
