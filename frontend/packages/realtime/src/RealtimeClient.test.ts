import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESTINATIONS } from './RealtimeClient.js';
import { acceptConnection, harness, settle, subscriptions } from './testing/harness.js';
import { data, initial, synced } from './testing/messages.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeClient connecting', () => {
  it('sends CONNECT with 10 s heart-beats and no Authorization header in the browser', async () => {
    const { server, client } = harness();
    client.connect();
    expect(client.state.state).toBe('connecting');
    await settle();
    server.last.open();
    const [connect] = server.last.sent('CONNECT');
    expect(connect?.headers['heart-beat']).toBe('10000,10000');
    expect(connect?.headers['Authorization']).toBeUndefined();
  });

  it('sends the bearer token from getToken for non-browser clients', async () => {
    const { server, client } = harness({ getToken: async () => 'jwt-1' });
    client.connect();
    await settle();
    server.last.open();
    expect(server.last.sent('CONNECT')[0]?.headers['Authorization']).toBe('Bearer jwt-1');
  });

  it('subscribes to the replies queue first, then to each channel topic', async () => {
    const { server, client, events } = harness();
    client.subscribe('presence');
    client.subscribe('metrics');
    client.connect();
    await acceptConnection(server, 'c-9', 'alice');
    expect(subscriptions(server.last)).toEqual(['/user/queue/replies', '/topic/presence', '/topic/metrics']);
    expect(client.state).toEqual({ state: 'connected', clientId: 'c-9', userId: 'alice' });
    expect(events.state?.map((s) => s.state)).toEqual(['connecting', 'connected']);
  });

  it('subscribes a channel added while connected at once, and only once', async () => {
    const { server, client } = harness();
    client.connect();
    const socket = await acceptConnection(server);
    client.subscribe('announcements');
    client.subscribe('announcements');
    expect(subscriptions(socket)).toEqual(['/user/queue/replies', '/topic/announcements']);
  });

  it('unsubscribes a channel now and does not resubscribe it after a reconnect', async () => {
    const { server, client, events } = harness();
    client.subscribe('metrics');
    client.connect();
    const first = await acceptConnection(server);
    client.unsubscribe('metrics');
    expect(first.sent('UNSUBSCRIBE')).toHaveLength(1);
    first.serverClose(1006);
    await settle(1000);
    const second = await acceptConnection(server);
    expect(subscriptions(second)).toEqual(['/user/queue/replies']);
    expect(events.data).toBeUndefined();
  });
});

describe('RealtimeClient data flow', () => {
  it('delivers INITIAL_DATA, then DATA and BATCH in order without duplicates', async () => {
    const { server, client, events } = harness();
    client.subscribe('presence');
    client.connect();
    const socket = await acceptConnection(server);
    socket.deliver('/topic/presence', data(5));
    socket.deliver(DESTINATIONS.replies, initial(5));
    socket.deliver('/topic/presence', data(6));
    socket.deliver('/topic/presence', { type: 'BATCH', channel: 'presence', messages: [data(6), data(7), data(8)] });
    expect(events.initialData?.map((m) => m.sequence)).toEqual([5]);
    expect(events.data?.map((m) => m.sequence)).toEqual([6, 7, 8]);
  });

  it('asks for a sync on a gap and applies the answer before the buffered DATA', async () => {
    const { server, client, events } = harness();
    client.subscribe('presence');
    client.connect();
    const socket = await acceptConnection(server);
    socket.deliver(DESTINATIONS.replies, initial(10, 'e1'));
    socket.deliver('/topic/presence', data(13, 'e1'));
    expect(socket.sentTo('/app/sync')).toEqual([
      { type: 'REQUEST_SYNC', channel: 'presence', lastSequence: 10, epoch: 'e1' },
    ]);
    socket.deliver('/topic/presence', data(14, 'e1'));
    socket.deliver(DESTINATIONS.replies, synced([data(11), data(12), data(13)], 13));
    expect(events.data?.map((m) => m.sequence)).toEqual([11, 12, 13, 14]);
  });

  it('reports a denied subscription and keeps the session open', async () => {
    const { server, client, events } = harness();
    client.subscribe('activity');
    client.connect();
    const socket = await acceptConnection(server);
    socket.deliver(DESTINATIONS.replies, {
      type: 'SUBSCRIBED', channels: [], failed: [{ channel: 'activity', reason: 'ACCESS_DENIED' }], timestamp: 1,
    });
    expect(events.subscriptionFailed).toEqual([{ channel: 'activity', reason: 'ACCESS_DENIED' }]);
    expect(client.state.state).toBe('connected');
  });

  it('reports ERROR replies and measures PONG round trips', async () => {
    const { server, client, events } = harness();
    client.connect();
    const socket = await acceptConnection(server);
    const error = { type: 'ERROR', code: 'RATE_LIMITED', message: 'Slow down', timestamp: 1 };
    socket.deliver(DESTINATIONS.replies, error);
    client.ping();
    const [ping] = socket.sentTo('/app/ping') as { timestamp: number }[];
    vi.advanceTimersByTime(40);
    // The server's clock runs a minute ahead; it stamped the PONG halfway through the round trip.
    const serverTime = (ping?.timestamp ?? 0) + 20 + 60_000;
    socket.deliver(DESTINATIONS.replies, { type: 'PONG', timestamp: serverTime, clientTimestamp: ping?.timestamp });
    expect(events.serverError).toEqual([error]);
    expect(events.pong).toEqual([{ rttMs: 40, clockOffsetMs: 60_000 }]);
  });

  it('ignores a body that is not a protocol message', async () => {
    const { server, client, events } = harness();
    client.subscribe('presence');
    client.connect();
    const socket = await acceptConnection(server);
    socket.deliver('/topic/presence', { hello: 'world' });
    expect(events.invalidMessage).toHaveLength(1);
    expect(events.data).toBeUndefined();
  });
});

describe('RealtimeClient sends', () => {
  it('sends presence updates and publishes to their /app destinations when connected', async () => {
    const { server, client } = harness();
    client.connect();
    const socket = await acceptConnection(server);
    client.updatePresence({ status: 'away', location: '' });
    client.publish('announcements', { id: 'a1' });
    expect(socket.sentTo('/app/presence')).toEqual([{ type: 'PRESENCE_UPDATE', status: 'away', location: '' }]);
    expect(socket.sentTo('/app/publish')).toEqual([{ type: 'PUBLISH', channel: 'announcements', payload: { id: 'a1' } }]);
  });

  it('queues publishes while offline, drops the oldest beyond capacity, and flushes after subscribing', async () => {
    const { server, client, events } = harness({ sendQueueCapacity: 2 });
    client.subscribe('presence');
    client.publish('announcements', { id: 'a1' });
    client.publish('announcements', { id: 'a2' });
    client.publish('announcements', { id: 'a3' });
    client.ping(); // pings are never queued
    expect(events.sendDropped).toHaveLength(1);
    client.connect();
    const socket = await acceptConnection(server);
    const order = socket.frames.map((f) => `${f.command} ${f.headers['destination'] ?? ''}`.trim());
    expect(order).toEqual([
      'CONNECT', 'SUBSCRIBE /user/queue/replies', 'SUBSCRIBE /topic/presence',
      'SEND /app/publish', 'SEND /app/publish',
    ]);
    expect(socket.sentTo('/app/publish').map((b) => (b as { payload: { id: string } }).payload.id)).toEqual(['a2', 'a3']);
  });
});

describe('RealtimeClient restores my presence', () => {
  it('sends my last presence again once after a reconnect, after the subscriptions', async () => {
    const { server, client } = harness();
    client.subscribe('presence');
    client.connect();
    const first = await acceptConnection(server);
    client.updatePresence({ status: 'away', location: 'Bench 2', activity: 'PCR' });
    client.updatePresence({ status: 'online' });
    expect(first.sentTo('/app/presence')).toHaveLength(2);
    first.serverClose(1012);
    await settle(1000);

    const second = await acceptConnection(server);
    const order = second.frames.map((f) => `${f.command} ${f.headers['destination'] ?? ''}`.trim());
    expect(order).toEqual(['CONNECT', 'SUBSCRIBE /user/queue/replies', 'SUBSCRIBE /topic/presence', 'SEND /app/presence']);
    expect(second.sentTo('/app/presence')).toEqual([
      { type: 'PRESENCE_UPDATE', status: 'online', location: 'Bench 2', activity: 'PCR' },
    ]);
  });

  it('sends the latest intent only, when it changed while offline', async () => {
    const { server, client, events } = harness();
    client.connect();
    const first = await acceptConnection(server);
    client.updatePresence({ status: 'online', location: 'Bench 1' });
    first.serverClose(1006);
    client.updatePresence({ status: 'away' });
    client.updatePresence({ status: 'away', location: '' });
    await settle(1000);
    const second = await acceptConnection(server);
    expect(second.sentTo('/app/presence')).toEqual([{ type: 'PRESENCE_UPDATE', status: 'away', location: '' }]);
    expect(events.sendDropped).toBeUndefined();
  });

  it('sends no presence after a reconnect when I never set any', async () => {
    const { server, client } = harness();
    client.connect();
    (await acceptConnection(server)).serverClose(1006);
    await settle(1000);
    expect((await acceptConnection(server)).sentTo('/app/presence')).toEqual([]);
  });
});
