import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESTINATIONS } from './RealtimeClient.js';
import { acceptConnection, harness } from './testing/harness.js';
import { data, initial, skip, synced } from './testing/messages.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function live() {
  const h = harness();
  h.client.subscribe('presence');
  h.client.connect();
  const socket = await acceptConnection(h.server);
  socket.deliver(DESTINATIONS.replies, initial(10, 'e1'));
  return { ...h, socket };
}

describe('RealtimeClient with SKIP and NOTICE', () => {
  it('takes a SKIP as the DATA it stands for: no delivery and no sync', async () => {
    const { socket, events } = await live();
    socket.deliver('/topic/presence', data(11));
    socket.deliver('/topic/presence', skip(12));
    socket.deliver('/topic/presence', data(13));
    expect(events.data?.map((m) => m.sequence)).toEqual([11, 13]);
    expect(socket.sentTo('/app/sync')).toHaveLength(0);
  });

  it('still finds a gap after a SKIP', async () => {
    const { socket } = await live();
    socket.deliver('/topic/presence', skip(11));
    socket.deliver('/topic/presence', data(13));
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
  });

  it('emits a NOTICE from the replies queue as a notice event', async () => {
    const { socket, events } = await live();
    const notice = { type: 'NOTICE', payload: { text: 'ready' }, sequence: 1,
      sender: { userId: 'root', clientId: 'node-1' }, timestamp: 1 };
    socket.deliver(DESTINATIONS.replies, notice);
    expect(events.notice).toEqual([notice]);
  });
});

describe('RealtimeClient recovering a filtered subscription', () => {
  it('takes the sync answer\'s skipped sequences as applied, so the gap closes without a retry', async () => {
    const { socket, events } = await live();
    socket.deliver('/topic/presence', data(13)); // gap: REQUEST_SYNC from 10
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
    socket.deliver(DESTINATIONS.replies, { ...synced([data(12), data(13)], 13), skipped: [11] });
    socket.deliver('/topic/presence', skip(14));
    socket.deliver('/topic/presence', data(15));
    expect(events.data?.map((m) => m.sequence)).toEqual([12, 13, 15]);
    expect(events.recoveryFailed).toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
  });
});

describe('RealtimeClient subscribing with a filter', () => {
  it('sends the filter header on the channel SUBSCRIBE', async () => {
    const h = harness();
    h.client.subscribe('presence', {}, { filter: 'location==Bench 3' });
    h.client.connect();
    const socket = await acceptConnection(h.server);
    const topic = socket.sent('SUBSCRIBE').filter((f) => f.headers['destination'] === '/topic/presence');
    expect(topic.map((f) => f.headers['filter'])).toEqual(['location==Bench 3']);
  });
});

describe('RealtimeClient on a conflated subscription', () => {
  it('sends max-rate, takes sequence jumps as expected and does not sync', async () => {
    const h = harness();
    h.client.subscribe('metrics', {}, { maxRate: 2 });
    h.client.connect();
    const socket = await acceptConnection(h.server);
    const topic = socket.sent('SUBSCRIBE').filter((f) => f.headers['destination'] === '/topic/metrics');
    expect(topic.map((f) => f.headers['max-rate'])).toEqual(['2']);
    socket.deliver(DESTINATIONS.replies, { type: 'SUBSCRIBED', channels: ['metrics'], failed: [], timestamp: 1,
      conflated: ['metrics'] });
    socket.deliver('/topic/metrics', data(5, 'e1', 'metrics'));
    socket.deliver('/topic/metrics', data(17, 'e1', 'metrics'));
    socket.deliver('/topic/metrics', data(30, 'e1', 'metrics'));
    expect(h.events.data?.map((m) => m.sequence)).toEqual([5, 17, 30]);
    expect(socket.sentTo('/app/sync')).toHaveLength(0);
  });
});
