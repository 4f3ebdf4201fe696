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

async function withGap() {
  const h = harness();
  h.client.subscribe('presence');
  h.client.connect();
  const socket = await acceptConnection(h.server);
  socket.deliver(DESTINATIONS.replies, initial(10, 'e1'));
  socket.deliver('/topic/presence', data(12, 'e1')); // gap: REQUEST_SYNC from 10
  return { ...h, socket };
}

const rateLimited = { type: 'ERROR', code: 'RATE_LIMITED', message: 'Slow down', timestamp: 1 };

describe('RealtimeClient when a sync is not answered', () => {
  it('sends the sync again when no answer comes within 5 s, and applies the late answer once', async () => {
    const { socket, events } = await withGap();
    await settle(5_000 + 999);
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
    await settle(1);
    expect(socket.sentTo('/app/sync')).toHaveLength(2);
    socket.deliver(DESTINATIONS.replies, synced([data(11), data(12)], 12));
    socket.deliver(DESTINATIONS.replies, synced([data(11), data(12)], 12));
    socket.deliver('/topic/presence', data(13));
    expect(events.data?.map((m) => m.sequence)).toEqual([11, 12, 13]);
    await settle(60_000);
    expect(socket.sentTo('/app/sync')).toHaveLength(2);
  });

  it('retries a refused sync with backoff, then reloads the channel by resubscribing', async () => {
    const { socket, events } = await withGap();
    socket.deliver(DESTINATIONS.replies, rateLimited);
    await settle(1_000);
    expect(socket.sentTo('/app/sync')).toHaveLength(2);
    socket.deliver(DESTINATIONS.replies, rateLimited);
    await settle(1_500);
    expect(socket.sentTo('/app/sync')).toHaveLength(3);
    socket.deliver(DESTINATIONS.replies, rateLimited);

    expect(events.recoveryFailed).toEqual([{ channel: 'presence' }]);
    expect(socket.sent('UNSUBSCRIBE')).toHaveLength(1);
    expect(subscriptions(socket)).toEqual(['/user/queue/replies', '/topic/presence', '/topic/presence']);
    expect(events.serverError).toHaveLength(3);

    // Giving up delivered what was buffered (12); the fresh subscription's INITIAL_DATA replaces it.
    socket.deliver('/topic/presence', data(21));
    socket.deliver(DESTINATIONS.replies, initial(20, 'e1'));
    socket.deliver('/topic/presence', data(22));
    expect(events.initialData?.map((m) => m.sequence)).toEqual([10, 20]);
    expect(events.data?.map((m) => m.sequence)).toEqual([12, 21, 22]);
    await settle(60_000);
    expect(socket.sentTo('/app/sync')).toHaveLength(3);
  });

  it('asks again after a backoff when the answer does not close the gap, and gives up after 3 requests', async () => {
    const { socket, events } = await withGap();
    const short = synced([data(12)], 12); // does not continue from 10, as an answer to a later request would
    socket.deliver(DESTINATIONS.replies, short);
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
    await settle(1_000);
    expect(socket.sentTo('/app/sync')).toEqual([
      { type: 'REQUEST_SYNC', channel: 'presence', lastSequence: 10, epoch: 'e1' },
      { type: 'REQUEST_SYNC', channel: 'presence', lastSequence: 10, epoch: 'e1' },
    ]);
    socket.deliver(DESTINATIONS.replies, short);
    await settle(1_500);
    socket.deliver(DESTINATIONS.replies, short);
    expect(socket.sentTo('/app/sync')).toHaveLength(3);
    expect(events.recoveryFailed).toEqual([{ channel: 'presence' }]);
    expect(socket.sent('UNSUBSCRIBE')).toHaveLength(1);
  });

  it('stops chasing a sync when the connection drops, and syncs afresh on the next one', async () => {
    const { server, socket } = await withGap();
    socket.serverClose(1006);
    await settle(1_000);
    const second = await acceptConnection(server);
    expect(second.sentTo('/app/sync')).toHaveLength(1);
    await settle(4_000);
    expect(second.sentTo('/app/sync')).toHaveLength(1);
    expect(socket.sentTo('/app/sync')).toHaveLength(1);
  });
});
